package dev.commentmoderation.dryrun;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.policy.Policy;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleScore;
import dev.commentmoderation.rules.Score;

/**
 * The dry run's output: a table of every outcome, or the outcomes two policies disagree on. Names comments by
 * commentId only: never an author's email, IP or name, nor the comment's text.
 */
final class Report {

	private Report() {
	}

	/** Every outcome, then the count of each decision and the policy's version. */
	static void outcomes(List<Outcome> outcomes, Policy policy, String policyName, PrintStream out) {
		outcomes(outcomes, policy, policyName, null, out);
	}

	/**
	 * With a model ({@code --model}), a SPAM P column: the classifier's spam probability, {@code abstain} when the
	 * model has too few labels, {@code -} for a comment the service does not score (no valid email).
	 */
	static void outcomes(List<Outcome> outcomes, Policy policy, String policyName, Replay.Scoring scoring,
			PrintStream out) {
		boolean scored = scoring != null;
		TextTable table = scored
				? new TextTable("LINE", "COMMENT", "SITE", "DECISION", "SCORE", "HOLD/REJECT AT", "SPAM P", "REASONS")
				: new TextTable("LINE", "COMMENT", "SITE", "DECISION", "SCORE", "HOLD/REJECT AT", "REASONS");
		for (Outcome outcome : outcomes) {
			List<String> row = new java.util.ArrayList<>(8);
			if (outcome.isDeadLetter()) {
				row.addAll(List.of(line(outcome), "-", "-", Outcome.DEAD_LETTER, "-", "-"));
				if (scored) {
					row.add("-");
				}
				row.add(outcome.deadLetter().name());
			}
			else {
				row.addAll(List.of(line(outcome), printable(outcome.commentId()), outcome.site(),
						outcome.decision().name(), number(outcome.score().total()), thresholds(outcome.score())));
				if (scored) {
					row.add(probability(outcome.classification()));
				}
				row.add(reasons(outcome));
			}
			table.add(row.toArray(String[]::new));
		}
		table.print(out);
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String label : List.of(Decision.APPROVED.name(), Decision.HELD.name(), Decision.REJECTED.name(),
				Outcome.DEAD_LETTER)) {
			counts.put(label, 0);
		}
		outcomes.forEach(outcome -> counts.merge(outcome.label(), 1, Integer::sum));
		StringJoiner summary = new StringJoiner(", ", outcomes.size() + " line" + (outcomes.size() == 1 ? "" : "s")
				+ ": ", "; policy " + policy.version() + " (" + policyName + ")");
		counts.forEach((label, count) -> summary.add(count + " " + label));
		out.println();
		out.println(summary);
		if (scored) {
			out.println("spam classifier: model " + scoring.model().version() + ", hold at "
					+ scoring.settings().holdAt() + ", reject at " + scoring.settings().rejectAt()
					+ ", abstains below " + scoring.settings().minSpamLabels() + " spam / "
					+ scoring.settings().minHamLabels() + " ham labels");
		}
	}

	/** Three decimals, {@code abstain}, or {@code -} when not scored. */
	static String probability(Classification classification) {
		if (classification == null) {
			return "-";
		}
		if (classification.abstained()) {
			return "abstain";
		}
		return String.format(java.util.Locale.ROOT, "%.3f", classification.probability());
	}

	/** The outcomes that differ between the two runs of the same lines, then how many. */
	static void changes(List<Outcome> current, Policy currentPolicy, String currentName, List<Outcome> next,
			Policy nextPolicy, String nextName, PrintStream out) {
		TextTable table = new TextTable("LINE", "COMMENT", "SITE", "CURRENT -> NEW", "REASONS BEFORE -> AFTER");
		int comments = 0;
		int changed = 0;
		for (int i = 0; i < current.size(); i++) {
			Outcome before = current.get(i);
			Outcome after = next.get(i);
			if (!after.isDeadLetter()) {
				comments++;
			}
			if (after.differsFrom(before)) {
				changed++;
				String site = before.site().equals(after.site()) ? after.site() : before.site() + " -> " + after.site();
				table.add(line(after), printable(after.commentId()), site, before.label() + " -> " + after.label(),
						codes(before.reasons()) + " -> " + codes(after.reasons()));
			}
		}
		if (changed > 0) {
			table.print(out);
			out.println();
		}
		out.println(changed + " of " + comments + " comment" + (comments == 1 ? "" : "s") + " would change"
				+ " (current: policy " + currentPolicy.version() + ", " + currentName + "; new: policy "
				+ nextPolicy.version() + ", " + nextName + ")");
	}

	/** How many lines get another decision or other reason codes under the new policy. */
	static int changed(List<Outcome> current, List<Outcome> next) {
		int changed = 0;
		for (int i = 0; i < current.size(); i++) {
			if (next.get(i).differsFrom(current.get(i))) {
				changed++;
			}
		}
		return changed;
	}

	private static String line(Outcome outcome) {
		return String.valueOf(outcome.line());
	}

	/**
	 * The decision's reason codes, each with its score when it has one ({@code LINK+1}); for an approved comment,
	 * the scoring rules that fired without reaching a threshold, in parentheses.
	 */
	static String reasons(Outcome outcome) {
		Score score = outcome.score();
		StringJoiner joined = new StringJoiner(", ");
		if (outcome.decision() == Decision.APPROVED) {
			for (RuleScore rule : score.rules()) {
				joined.add(scored(rule.code(), rule.score()));
			}
			String fired = joined.toString();
			return (fired.isEmpty() ? "-" : "(" + fired + ")") + (outcome.resubmission() ? " [resubmitted]" : "");
		}
		for (ReasonCode code : outcome.reasons()) {
			joined.add(scored(code, scoreOf(score, code)));
		}
		return joined + (outcome.resubmission() ? " [resubmitted]" : "");
	}

	private static BigDecimal scoreOf(Score score, ReasonCode code) {
		return score.rules().stream().filter(rule -> rule.code() == code).map(RuleScore::score).findFirst()
			.orElse(BigDecimal.ZERO);
	}

	private static String scored(ReasonCode code, BigDecimal score) {
		return (score.signum() > 0) ? code.name() + "+" + number(score) : code.name();
	}

	private static String codes(List<ReasonCode> codes) {
		if (codes.isEmpty()) {
			return "-";
		}
		StringJoiner joined = new StringJoiner(",");
		EnumSet.copyOf(codes).forEach(code -> joined.add(code.name()));
		return joined.toString();
	}

	private static String thresholds(Score score) {
		if (score.holdAt() == null && score.rejectAt() == null) {
			return "off";
		}
		return optional(score.holdAt()) + "/" + optional(score.rejectAt());
	}

	private static String optional(BigDecimal threshold) {
		return (threshold != null) ? number(threshold) : "-";
	}

	private static String number(BigDecimal value) {
		return (value.signum() == 0) ? "0" : value.stripTrailingZeros().toPlainString();
	}

	/** A commentId with control characters (which could rewrite the terminal) shown as '?'. */
	static String printable(String text) {
		StringBuilder printable = new StringBuilder(text.length());
		text.codePoints().forEach(c -> printable.appendCodePoint(Character.isISOControl(c) ? '?' : c));
		return printable.toString();
	}

}
