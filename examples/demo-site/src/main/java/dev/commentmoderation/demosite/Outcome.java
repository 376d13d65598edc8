package dev.commentmoderation.demosite;

import java.util.List;

/**
 * What became of a comment. HELD (a moderator will look at it) reads "awaiting moderation" like no decision at
 * all; APPROVED and REJECTED are final.
 */
public record Outcome(Status status, List<Reason> reasons) {

	public enum Status {

		AWAITING, HELD, APPROVED, REJECTED;

		public boolean isFinal() {
			return this == APPROVED || this == REJECTED;
		}

	}

	public static final Outcome AWAITING = new Outcome(Status.AWAITING, List.of());

}
