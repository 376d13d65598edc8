package dev.commentmoderation.workbench;

import java.time.Instant;
import java.util.Objects;

/** The events a moderator's action becomes: the stream is their only reader and the only writer of decisions. */
public final class WorkbenchEvents {

	private WorkbenchEvents() {
	}

	/** A moderator's decision on a comment. */
	public enum Decision {

		APPROVED, REJECTED

	}

	/** A moderator's action on an author. */
	public enum AuthorActionType {

		TRUST, BAN, PREMODERATE, RESET

	}

	/**
	 * A verdict as published on {@code comments.reviewed} (key: commentId).
	 *
	 * @param spam always set: false for APPROVED, and for REJECTED whether the author is marked as a spammer
	 */
	public record Verdict(String commentId, Decision decision, boolean spam, String moderator, String note,
			Instant reviewedAt) {

		public Verdict {
			Objects.requireNonNull(commentId, "commentId");
			Objects.requireNonNull(decision, "decision");
			Objects.requireNonNull(moderator, "moderator");
			Objects.requireNonNull(reviewedAt, "reviewedAt");
			if (decision == Decision.APPROVED && spam) {
				throw new IllegalArgumentException("an approved comment is not spam");
			}
		}

		/** A moderator's verdict, spam resolved as the contract does: REJECTED means spam unless said otherwise. */
		public static Verdict of(String commentId, Decision decision, Boolean spam, String moderator, String note,
				Instant reviewedAt) {
			boolean isSpam = (decision == Decision.REJECTED) && (spam == null || spam);
			return new Verdict(commentId, decision, isSpam, moderator, note, reviewedAt);
		}

		/** approved, rejected_spam or rejected_not_spam: the metric tag. */
		public String outcome() {
			if (this.decision == Decision.APPROVED) {
				return "approved";
			}
			return this.spam ? "rejected_spam" : "rejected_not_spam";
		}

	}

	/**
	 * An author action as published on {@code comments.author-actions} (key: the normalized email).
	 *
	 * @param until when a BAN ends (null: until reset); only a BAN has one
	 */
	public record AuthorAction(String email, AuthorActionType action, Instant until, String moderator, String note,
			Instant at) {

		public AuthorAction {
			Objects.requireNonNull(email, "email");
			Objects.requireNonNull(action, "action");
			Objects.requireNonNull(moderator, "moderator");
			Objects.requireNonNull(at, "at");
			if (until != null && action != AuthorActionType.BAN) {
				throw new IllegalArgumentException("only a BAN has an until");
			}
		}

	}

}
