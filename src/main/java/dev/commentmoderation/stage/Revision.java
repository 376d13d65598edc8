package dev.commentmoderation.stage;

import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Reason;

/**
 * A decision after the first: {@code reason} is the one added to the automatic reasons (the moderator's
 * verdict or REVIEW_EXPIRED); {@code moderator} null for an expiry.
 */
public record Revision(int revision, Decision decision, Reason reason, String moderatedAt, String moderator, String note,
		Boolean spam, String reviewedAt) {
}
