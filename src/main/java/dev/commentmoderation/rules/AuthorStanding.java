package dev.commentmoderation.rules;

/**
 * What moderation knows of an author: how many of their comments were approved (automatically or by a
 * moderator), and whether any was rejected as spam.
 */
public record AuthorStanding(int approved, boolean spamRejected) {

	public static final AuthorStanding NEW = new AuthorStanding(0, false);

	public boolean trusted(int minApproved) {
		return !this.spamRejected && this.approved >= minApproved;
	}

	/** The standing after one more final decision with these reasons. */
	public AuthorStanding after(Decision decision, java.util.List<Reason> reasons) {
		if (decision == Decision.APPROVED) {
			return new AuthorStanding((this.approved == Integer.MAX_VALUE) ? this.approved : this.approved + 1,
					this.spamRejected);
		}
		if (decision == Decision.REJECTED && reasons.stream().anyMatch(r -> isSpam(r.code()))) {
			return new AuthorStanding(this.approved, true);
		}
		return this;
	}

	/**
	 * The standing after one of the author's comments went from {@code from} to {@code to}: a held comment's final
	 * decision, or a correction. An approval taken back no longer counts; a spam rejection marks the author. A spam
	 * mark is not cleared by correcting that one rejection (other comments may have earned it): a moderator's RESET
	 * or TRUST does that.
	 */
	public AuthorStanding revised(Decision from, Decision to, boolean spam) {
		int count = this.approved;
		if (from == Decision.APPROVED && to != Decision.APPROVED && count > 0 && count != Integer.MAX_VALUE) {
			count--;
		}
		if (to == Decision.APPROVED && from != Decision.APPROVED && count != Integer.MAX_VALUE) {
			count++;
		}
		return new AuthorStanding(count, this.spamRejected || (to == Decision.REJECTED && spam));
	}

	/**
	 * The reasons that mark an author as a spammer: blocked terms, spam patterns, a filled honeypot, a bot-fast
	 * submission, or a moderator's rejection. Missing fields, duplicates and floods do not.
	 */
	public static boolean isSpam(ReasonCode code) {
		return switch (code) {
			case BLOCKED_TERM, SPAM_PATTERN, HONEYPOT, SUBMITTED_TOO_FAST, MODERATOR_REJECTED -> true;
			default -> false;
		};
	}

}
