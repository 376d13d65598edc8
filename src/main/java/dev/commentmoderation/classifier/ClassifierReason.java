package dev.commentmoderation.classifier;

import java.util.Locale;

import dev.commentmoderation.rules.Match;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;

/**
 * The SPAM_CLASSIFIER reason of a probability at or above the hold threshold, the same in the service and the dry
 * run: its match is the strongest spam-leaning content token, with its code point offsets.
 */
public final class ClassifierReason {

	private ClassifierReason() {
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
