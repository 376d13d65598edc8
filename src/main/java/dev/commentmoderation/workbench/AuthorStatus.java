package dev.commentmoderation.workbench;

import java.time.Instant;

/**
 * What moderation knows of an author: earned standing (approved comments, any spam rejection) and a moderator's
 * action in force, if any.
 *
 * @param approved approved comments within the author retention
 * @param spamRejected whether any comment was rejected as spam
 * @param trusted whether the author skips the hold rules now (a moderator's TRUST overrides earned trust)
 * @param action the moderator's action in force (TRUST, BAN, PREMODERATE), or null
 */
public record AuthorStatus(int approved, boolean spamRejected, boolean trusted, ModeratorAction action) {

	/** A moderator's action on an author, as recorded from {@code comments.author-actions}. */
	public record ModeratorAction(String action, Instant until, String moderator, String note, Instant at) {
	}

}
