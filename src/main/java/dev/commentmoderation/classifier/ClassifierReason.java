package dev.commentmoderation.classifier;

import java.util.Locale;

import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.Match;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;

/**
 * The SPAM_CLASSIFIER outcome and reason of a classification, the same in the service and the dry run: the
 * site's thresholds, and a reason whose match is the strongest spam-leaning content token with its offsets.
 */
public final class ClassifierReason {

	private ClassifierReason() {
	}

	/**
	 * What the site's thresholds (its policy's classifier-hold-at and classifier-reject-at, else the service's)
	 * make of a classification: null when abstained or below the hold threshold.
	 */
	public static Classification.Outcome outcome(Classification classification, DecisionRules site,
			ClassifierSettings settings) {
		if (classification.abstained()) {
			return null;
		}
		double holdAt = (site.classifierHoldAt() != null) ? site.classifierHoldAt() : settings.holdAt();
		double rejectAt = (site.classifierRejectAt() != null) ? site.classifierRejectAt() : settings.rejectAt();
		if (classification.probability() >= Math.max(holdAt, rejectAt)) {
			return Classification.Outcome.REJECT;
		}
		return (classification.probability() >= holdAt) ? Classification.Outcome.HOLD : null;
	}

	public static Reason of(Classification classification) {
		Match match = null;
		for (Classification.Clue clue : classification.clues()) {
			if (clue.start() >= 0 && clue.end() > clue.start() && clue.probability() > 0.5) {
				match = Match.ofTerm(clue.token(), clue.start(), clue.end());
				break;
			}
		}
		return new Reason(ReasonCode.SPAM_CLASSIFIER, "content",
				String.format(Locale.ROOT, "Our spam filter rates this comment as likely spam (%.0f %%).",
						classification.probability() * 100), match);
	}

}
