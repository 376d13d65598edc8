package dev.commentmoderation.rules;

import java.util.List;

/**
 * The outcome of moderating one comment: APPROVED with no reasons, or REJECTED or HELD with every reason that
 * counted; and the comment's {@link Score}.
 */
public record Verdict(Decision decision, List<Reason> reasons, Score score) {

	public Verdict {
		reasons = List.copyOf(reasons);
		score = (score == null) ? Score.NONE : score;
	}

	/** A verdict that no score took part in (a moderator's, or an expired review). */
	public Verdict(Decision decision, List<Reason> reasons) {
		this(decision, reasons, Score.NONE);
	}

	public static Verdict of(List<Reason> reasons) {
		return new Verdict(reasons.isEmpty() ? Decision.APPROVED : Decision.REJECTED, reasons);
	}

}
