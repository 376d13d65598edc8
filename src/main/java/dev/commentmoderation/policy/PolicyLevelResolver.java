package dev.commentmoderation.policy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.TermFile;
import tools.jackson.databind.JsonNode;

/**
 * Resolves one level of a policy file ({@code defaults} or a site) over its parent level, collecting every problem
 * beyond the JSON Schema (spam patterns, durations, thresholds, flood intervals, term files) rather than stopping
 * at the first. A level overrides only the keys it names; lists are replaced or, with {@code extra-}, added to;
 * {@code rules} merges code by code and key by key.
 */
final class PolicyLevelResolver {

	/** Settings and decision rules resolved so far at one level of the inheritance. */
	record Level(RuleSettings settings, DecisionRules decisionRules) {
	}

	private final Path directory;

	private final FloodLimit floodLimit;

	private final List<String> problems;

	private final List<byte[]> hashed;

	private final List<Path> files;

	/**
	 * @param directory term files are relative to it
	 * @param problems where problems are added
	 * @param hashed where the content of every term file read is added, for the version
	 * @param files where the path of every term file named is added
	 */
	PolicyLevelResolver(Path directory, FloodLimit floodLimit, List<String> problems, List<byte[]> hashed,
			List<Path> files) {
		this.directory = directory;
		this.floodLimit = floodLimit;
		this.problems = problems;
		this.hashed = hashed;
		this.files = files;
	}

	Level resolve(String path, JsonNode node, Level parent) {
		RuleSettings s = parent.settings();
		DecisionRules d = parent.decisionRules();
		if (!node.isObject()) {
			return parent;
		}
		int maxName = integer(node, "max-name-bytes", s.maxNameBytes());
		int maxEmail = integer(node, "max-email-bytes", s.maxEmailBytes());
		int maxUrl = integer(node, "max-url-bytes", s.maxUrlBytes());
		int maxContent = integer(node, "max-content-bytes", s.maxContentBytes());
		int maxLinks = integer(node, "max-links", s.maxLinks());
		Duration minSubmitTime = duration(path, node, "min-submit-time", s.minSubmitTime());
		Duration floodInterval = duration(path, node, "flood-interval", d.floodInterval());
		String floodProblem = this.floodLimit.problem(path + ".flood-interval", floodInterval);
		if (floodProblem != null) {
			this.problems.add(floodProblem);
		}
		int trustedMin = integer(node, "trusted-author-min-approved", d.trustedAuthorMinApproved());
		Set<ReasonCode> trustedHeldFor = d.trustedAuthorHeldFor();
		if (node.has("trusted-author-held-for")) {
			trustedHeldFor = EnumSet.noneOf(ReasonCode.class);
			for (String code : strings(node.get("trusted-author-held-for"))) {
				trustedHeldFor.add(ReasonCode.valueOf(code));
			}
		}
		List<String> blocked = terms(path, node, "blocked-terms", s.blockedTerms());
		List<String> held = terms(path, node, "held-terms", s.heldTerms());
		List<String> patterns = list(node, "spam-patterns", s.spamPatterns());
		patterns = plus(patterns, strings(node.path("extra-spam-patterns")));
		checkPatterns(path, node, "spam-patterns");
		checkPatterns(path, node, "extra-spam-patterns");
		RuleActions actions = actions(path, node, d.actions());
		RuleSettings settings = new RuleSettings(maxName, maxEmail, maxUrl, maxContent, maxLinks, blocked,
				patterns, minSubmitTime, held, actions);
		Double classifierHoldAt = probability(node, "classifier-hold-at", d.classifierHoldAt());
		Double classifierRejectAt = probability(node, "classifier-reject-at", d.classifierRejectAt());
		if ((node.has("classifier-hold-at") || node.has("classifier-reject-at")) && classifierHoldAt != null
				&& classifierRejectAt != null && classifierHoldAt > classifierRejectAt) {
			this.problems.add(path + ".classifier-hold-at: " + classifierHoldAt
					+ " must not be above classifier-reject-at (" + classifierRejectAt + ")");
		}
		return new Level(settings,
				new DecisionRules(actions, floodInterval, trustedMin, classifierHoldAt, classifierRejectAt,
						trustedHeldFor));
	}

	private RuleActions actions(String path, JsonNode node, RuleActions parent) {
		Map<ReasonCode, RuleAction> actions = new EnumMap<>(parent.asMap());
		Map<ReasonCode, BigDecimal> scores = new EnumMap<>(parent.scores());
		node.path("rules").properties().forEach(rule -> {
			ReasonCode code = ReasonCode.valueOf(rule.getKey());
			JsonNode settings = rule.getValue();
			if (settings.has("action")) {
				actions.put(code, RuleAction.valueOf(settings.get("action").stringValue()));
			}
			if (settings.has("score")) {
				scores.put(code, settings.get("score").decimalValue());
			}
		});
		BigDecimal holdAt = threshold(node, "hold-score", parent.holdAt());
		BigDecimal rejectAt = threshold(node, "reject-score", parent.rejectAt());
		// reported where a threshold is named, not again in every site that inherits both
		boolean named = node.has("hold-score") || node.has("reject-score");
		if (named && holdAt != null && rejectAt != null && holdAt.compareTo(rejectAt) >= 0) {
			this.problems.add(path + ".hold-score: " + holdAt.toPlainString() + " must be below reject-score ("
					+ rejectAt.toPlainString() + "), or no comment would ever be held by its score");
		}
		try {
			return new RuleActions(actions, scores, holdAt, rejectAt);
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(path + ": " + ex.getMessage());
			return parent;
		}
	}

	private List<String> terms(String path, JsonNode node, String key, List<String> inherited) {
		List<String> terms = inherited;
		String fileKey = key + "-file";
		if (node.has(key) || node.has(fileKey)) {
			terms = new ArrayList<>(strings(node.path(key)));
			if (node.has(fileKey)) {
				terms.addAll(readTerms(path + "." + fileKey, node.get(fileKey).stringValue()));
			}
		}
		return plus(terms, strings(node.path("extra-" + key)));
	}

	private List<String> readTerms(String path, String name) {
		Path file = this.directory.resolve(name);
		this.files.add(file);
		try {
			byte[] bytes = Files.readAllBytes(file);
			this.hashed.add(bytes);
			return TermFile.terms(new String(bytes, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			this.problems.add(path + ": cannot read " + file + ": " + PolicyLoader.describe(ex));
			return List.of();
		}
	}

	private void checkPatterns(String path, JsonNode node, String key) {
		List<String> patterns = strings(node.path(key));
		for (int i = 0; i < patterns.size(); i++) {
			try {
				Pattern.compile(patterns.get(i));
			}
			catch (PatternSyntaxException ex) {
				this.problems.add(path + "." + key + "[" + i + "]: \"" + patterns.get(i)
						+ "\" is not a valid RE2 regular expression: " + ex.getDescription());
			}
		}
	}

	private Duration duration(String path, JsonNode node, String key, Duration inherited) {
		if (!node.has(key)) {
			return inherited;
		}
		try {
			Duration duration = Durations.parse(node.get(key).stringValue());
			if (duration.isNegative()) {
				this.problems.add(path + "." + key + ": must not be negative");
				return inherited;
			}
			return duration;
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(path + "." + key + ": " + ex.getMessage());
			return inherited;
		}
	}

	private static int integer(JsonNode node, String key, int inherited) {
		return node.has(key) ? node.get(key).intValue() : inherited;
	}

	private static Double probability(JsonNode node, String key, Double inherited) {
		if (!node.has(key)) {
			return inherited;
		}
		JsonNode value = node.get(key);
		return value.isNull() ? null : value.doubleValue();
	}

	private static BigDecimal threshold(JsonNode node, String key, BigDecimal inherited) {
		if (!node.has(key)) {
			return inherited;
		}
		JsonNode value = node.get(key);
		return value.isNull() ? null : value.decimalValue();
	}

	private static List<String> list(JsonNode node, String key, List<String> inherited) {
		return node.has(key) ? strings(node.get(key)) : inherited;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.values().forEach(value -> values.add(value.stringValue()));
		return values;
	}

	private static List<String> plus(List<String> list, List<String> more) {
		if (more.isEmpty()) {
			return list;
		}
		List<String> all = new ArrayList<>(list);
		all.addAll(more);
		return all;
	}

}
