package dev.commentmoderation.dryrun;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.policy.Policy;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.RuleScore;

/**
 * The dry run's output for scripts and CI ({@code --format json}): one JSON document on standard output. Holds
 * the same facts as the text {@link Report}, by commentId only: never an author's email, IP or name, nor the text.
 */
final class JsonReport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JSON.getNodeFactory();

	private JsonReport() {
	}

	/** {@code --check-policy} on a valid policy. */
	static void valid(Policy policy, Path file, PrintStream out) {
		ObjectNode root = NODES.objectNode();
		root.put("valid", true);
		root.set("policy", policy(policy, file.toString()));
		ArrayNode sites = root.putArray("sites");
		policy.sites().keySet().forEach(sites::add);
		print(root, out);
	}

	/** A policy that is not valid: which file, and every problem. */
	static void invalid(Path file, List<String> problems, PrintStream out) {
		ObjectNode root = NODES.objectNode();
		root.put("valid", false);
		root.put("file", file.toString());
		ArrayNode list = root.putArray("problems");
		problems.forEach(list::add);
		print(root, out);
	}

	/** Every outcome, with the count of each decision. */
	static void outcomes(List<Outcome> outcomes, Policy policy, String policyName, PrintStream out) {
		outcomes(outcomes, policy, policyName, null, out);
	}

	/** With a model: its version and thresholds, and each scored comment's classifier probability. */
	static void outcomes(List<Outcome> outcomes, Policy policy, String policyName, Replay.Scoring scoring,
			PrintStream out) {
		ObjectNode root = NODES.objectNode();
		root.set("policy", policy(policy, policyName));
		if (scoring != null) {
			ObjectNode classifier = root.putObject("classifier");
			classifier.put("modelVersion", scoring.model().version());
			classifier.put("holdAt", scoring.settings().holdAt());
			classifier.put("rejectAt", scoring.settings().rejectAt());
			classifier.put("minSpamLabels", scoring.settings().minSpamLabels());
			classifier.put("minHamLabels", scoring.settings().minHamLabels());
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String label : List.of(Decision.APPROVED.name(), Decision.HELD.name(), Decision.REJECTED.name(),
				Outcome.DEAD_LETTER)) {
			counts.put(label, 0);
		}
		outcomes.forEach(outcome -> counts.merge(outcome.label(), 1, Integer::sum));
		ObjectNode countNode = root.putObject("counts");
		counts.forEach(countNode::put);
		ArrayNode list = root.putArray("outcomes");
		outcomes.forEach(outcome -> list.add(outcome(outcome)));
		print(root, out);
	}

	/** The outcomes two policies disagree on, each before and after. */
	static void changes(List<Outcome> current, Policy currentPolicy, String currentName, List<Outcome> next,
			Policy nextPolicy, String nextName, PrintStream out) {
		ObjectNode root = NODES.objectNode();
		root.set("current", policy(currentPolicy, currentName));
		root.set("new", policy(nextPolicy, nextName));
		int comments = 0;
		ArrayNode changes = NODES.arrayNode();
		for (int i = 0; i < current.size(); i++) {
			Outcome before = current.get(i);
			Outcome after = next.get(i);
			if (!after.isDeadLetter()) {
				comments++;
			}
			if (after.differsFrom(before)) {
				ObjectNode change = changes.addObject();
				change.put("line", after.line());
				change.put("commentId", after.commentId());
				change.set("before", outcome(before));
				change.set("after", outcome(after));
			}
		}
		root.put("comments", comments);
		root.put("changed", changes.size());
		root.set("changes", changes);
		print(root, out);
	}

	private static ObjectNode policy(Policy policy, String name) {
		ObjectNode node = NODES.objectNode();
		node.put("file", name);
		node.put("version", policy.version());
		return node;
	}

	private static ObjectNode outcome(Outcome outcome) {
		ObjectNode node = NODES.objectNode();
		node.put("line", outcome.line());
		if (outcome.isDeadLetter()) {
			node.put("outcome", Outcome.DEAD_LETTER);
			node.put("deadLetter", outcome.deadLetter().name());
			return node;
		}
		node.put("commentId", outcome.commentId());
		node.put("site", outcome.site());
		node.put("outcome", outcome.decision().name());
		ArrayNode reasons = node.putArray("reasons");
		outcome.reasons().forEach(code -> reasons.add(code.name()));
		ObjectNode score = node.putObject("score");
		score.put("total", outcome.score().total());
		putNullable(score, "holdAt", outcome.score().holdAt());
		putNullable(score, "rejectAt", outcome.score().rejectAt());
		ObjectNode rules = score.putObject("rules");
		for (RuleScore rule : outcome.score().rules()) {
			rules.put(rule.code().name(), rule.score());
		}
		node.put("resubmission", outcome.resubmission());
		Classification classification = outcome.classification();
		if (classification != null) {
			// the probability only: the strongest tokens are words of the comment and the author's name
			ObjectNode classifier = node.putObject("classifier");
			classifier.put("abstained", classification.abstained());
			if (classification.abstained()) {
				classifier.putNull("probability");
			}
			else {
				classifier.put("probability", Math.round(classification.probability() * 1_000_000d) / 1_000_000d);
			}
		}
		return node;
	}

	private static void putNullable(ObjectNode node, String name, BigDecimal value) {
		if (value == null) {
			node.putNull(name);
		}
		else {
			node.put(name, value);
		}
	}

	private static void print(ObjectNode root, PrintStream out) {
		out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
	}

}
