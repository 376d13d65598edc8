package dev.commentmoderation.rules;

import java.util.List;

/** The outcome of moderating one comment: APPROVED with no reasons, or REJECTED with every reason found. */
public record Verdict(Decision decision, List<Reason> reasons) {

	public Verdict {
		reasons = List.copyOf(reasons);
	}

	public static Verdict of(List<Reason> reasons) {
		return new Verdict(reasons.isEmpty() ? Decision.APPROVED : Decision.REJECTED, reasons);
	}

}
