package dev.commentmoderation.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.RuleSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a policy file (YAML; JSON is YAML too), checks it and compiles it into a {@link Policy}. Checks, all
 * reported together: the JSON Schema ({@code contract/moderation-policy.schema.json}), then what a schema cannot
 * say: spam patterns compile as RE2, durations parse, flood intervals fit the flood stores, hold-score is below
 * reject-score, term files can be read. Each problem names where it is, as {@code sites.<site>.<key>}.
 * <p>
 * Inheritance: the base settings (the service's {@code moderation.rules.*}), then {@code defaults}, then the site.
 * A level overrides only the keys it names; lists are replaced ({@code blocked-terms}) or added to
 * ({@code extra-blocked-terms}); {@code rules} merges code by code and key by key.
 */
public final class PolicyLoader {

	/** Where the schema is on the class path (copied there from contract/ by the build). */
	static final String SCHEMA_RESOURCE = "/dev/commentmoderation/policy/moderation-policy.schema.json";

	private static final Schema SCHEMA = loadSchema();

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/** The settings a policy inherits from: the service's moderation.rules.* (or the built-in defaults). */
	public record Base(RuleSettings settings, DecisionRules decisionRules) {

		public Base {
			Objects.requireNonNull(settings, "settings");
			Objects.requireNonNull(decisionRules, "decisionRules");
		}

	}

	private final Base base;

	private final Duration maxFloodInterval;

	private final Clock clock;

	/**
	 * @param maxFloodInterval the longest flood interval the flood stores can serve (they are sized at start-up)
	 */
	public PolicyLoader(Base base, Duration maxFloodInterval, Clock clock) {
		this.base = Objects.requireNonNull(base, "base");
		this.maxFloodInterval = Objects.requireNonNull(maxFloodInterval, "maxFloodInterval");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (base.decisionRules().floodInterval().compareTo(maxFloodInterval) > 0) {
			throw new IllegalArgumentException("the flood interval " + base.decisionRules().floodInterval()
					+ " is longer than the maximum " + maxFloodInterval);
		}
	}

	public Duration maxFloodInterval() {
		return this.maxFloodInterval;
	}

	/** The policy of the base settings alone, when there is no policy file. */
	public Policy baseOnly() {
		SitePolicy defaults = SitePolicy.of(Policy.DEFAULT_SITE, this.base.settings(), this.base.decisionRules());
		return new Policy(hash(List.of(baseDescription().getBytes(StandardCharsets.UTF_8))), null, List.of(),
				this.clock.instant(), defaults, Map.of());
	}

	/**
	 * Reads and compiles the policy file.
	 * @throws PolicyException listing every problem, when the file cannot be read or is not a valid policy
	 */
	public Policy load(Path file) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new PolicyException(file.toString(), List.of("cannot read the file: " + describe(ex)));
		}
		return parse(bytes, file);
	}

	/**
	 * Compiles a policy from the file's content.
	 * @param file where it was read from: term files are relative to its directory
	 * @throws PolicyException listing every problem
	 */
	public Policy parse(byte[] content, Path file) {
		String source = String.valueOf(file);
		JsonNode root;
		try {
			root = YAML.readTree(content);
		}
		catch (JacksonException ex) {
			throw new PolicyException(source, List.of("not valid YAML: " + ex.getOriginalMessage()
					+ location(ex)));
		}
		if (root == null || root.isMissingNode() || root.isNull()) {
			root = YAML.createObjectNode();
		}
		List<String> problems = new ArrayList<>();
		for (Error error : SCHEMA.validate(root)) {
			problems.add(where(error) + ": " + error.getMessage());
		}
		if (!problems.isEmpty()) {
			throw new PolicyException(source, problems);
		}
		Path directory = (file != null && file.toAbsolutePath().getParent() != null)
				? file.toAbsolutePath().getParent() : Path.of(".");
		List<byte[]> hashed = new ArrayList<>();
		hashed.add(baseDescription().getBytes(StandardCharsets.UTF_8));
		hashed.add(content);
		List<Path> files = new ArrayList<>();
		Resolver resolver = new Resolver(directory, problems, hashed, files);
		Level defaults = resolver.resolve("defaults", root.path("defaults"),
				new Level(this.base.settings(), this.base.decisionRules()));
		Map<String, Level> sites = new LinkedHashMap<>();
		root.path("sites").properties()
			.forEach(site -> sites.put(site.getKey(),
					resolver.resolve("sites." + site.getKey(), site.getValue(), defaults)));
		if (!problems.isEmpty()) {
			throw new PolicyException(source, problems);
		}
		SitePolicy defaultPolicy = compile(Policy.DEFAULT_SITE, "defaults", defaults, problems);
		Map<String, SitePolicy> sitePolicies = new LinkedHashMap<>();
		sites.forEach((site, level) -> sitePolicies.put(site, compile(site, "sites." + site, level, problems)));
		if (!problems.isEmpty()) {
			throw new PolicyException(source, problems);
		}
		return new Policy(hash(hashed), file, files, this.clock.instant(), defaultPolicy, sitePolicies);
	}

	private static SitePolicy compile(String site, String path, Level level, List<String> problems) {
		try {
			return SitePolicy.of(site, level.settings(), level.decisionRules());
		}
		catch (RuntimeException ex) {
			problems.add(path + ": " + ex.getMessage());
			return null;
		}
	}

	/** Settings and decision rules resolved so far at one level of the inheritance. */
	private record Level(RuleSettings settings, DecisionRules decisionRules) {
	}

	private final class Resolver {

		private final Path directory;

		private final List<String> problems;

		private final List<byte[]> hashed;

		private final List<Path> files;

		Resolver(Path directory, List<String> problems, List<byte[]> hashed, List<Path> files) {
			this.directory = directory;
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
			if (floodInterval.compareTo(PolicyLoader.this.maxFloodInterval) > 0) {
				this.problems.add(path + ".flood-interval: " + floodInterval + " is longer than "
						+ "moderation.policy.max-flood-interval (" + PolicyLoader.this.maxFloodInterval
						+ "), the longest the flood stores keep");
			}
			int trustedMin = integer(node, "trusted-author-min-approved", d.trustedAuthorMinApproved());
			List<String> blocked = terms(path, node, "blocked-terms", s.blockedTerms());
			List<String> held = terms(path, node, "held-terms", s.heldTerms());
			List<String> patterns = list(node, "spam-patterns", s.spamPatterns());
			patterns = plus(patterns, strings(node.path("extra-spam-patterns")));
			checkPatterns(path, node, "spam-patterns");
			checkPatterns(path, node, "extra-spam-patterns");
			RuleActions actions = actions(path, node, d.actions());
			RuleSettings settings = new RuleSettings(maxName, maxEmail, maxUrl, maxContent, maxLinks, blocked,
					patterns, minSubmitTime, held, actions);
			return new Level(settings, new DecisionRules(actions, floodInterval, trustedMin));
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
				return new String(bytes, StandardCharsets.UTF_8).lines()
					.map(String::strip)
					.filter(line -> !line.isEmpty() && !line.startsWith("#"))
					.toList();
			}
			catch (IOException ex) {
				this.problems.add(path + ": cannot read " + file + ": " + describe(ex));
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

	}

	private static int integer(JsonNode node, String key, int inherited) {
		return node.has(key) ? node.get(key).intValue() : inherited;
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

	/** The base settings, described deterministically: a change of them changes the version. */
	private String baseDescription() {
		return this.base.settings() + "\n" + this.base.decisionRules() + "\nmax-flood-interval="
				+ this.maxFloodInterval;
	}

	private static String hash(List<byte[]> parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(java.nio.ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
				digest.update(part);
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** "sites.a.blocked-terms[0]" for the schema's "/sites/a/blocked-terms/0"; "(file)" for the root. */
	private static String where(Error error) {
		String pointer = String.valueOf(error.getInstanceLocation()).replaceFirst("^\\$\\.?", "").replaceFirst("^/", "");
		if (pointer.isEmpty()) {
			return "(file)";
		}
		StringBuilder path = new StringBuilder();
		String previous = "";
		for (String segment : pointer.split("/", -1)) {
			boolean key = previous.equals("sites") || previous.equals("rules") || !segment.matches("\\d+");
			if (key) {
				path.append(path.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
			}
			else {
				path.append('[').append(segment).append(']');
			}
			previous = segment;
		}
		return path.toString();
	}

	private static String location(JacksonException ex) {
		return (ex.getLocation() != null && ex.getLocation().getLineNr() > 0)
				? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
	}

	private static String describe(IOException ex) {
		return ex.getClass().getSimpleName() + (ex.getMessage() != null ? ": " + ex.getMessage() : "");
	}

	private static Schema loadSchema() {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		try (InputStream in = PolicyLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing class path resource " + SCHEMA_RESOURCE);
			}
			return registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
