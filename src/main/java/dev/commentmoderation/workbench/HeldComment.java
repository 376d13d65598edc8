package dev.commentmoderation.workbench;

import java.time.Instant;

/**
 * A comment waiting for a moderator.
 *
 * @param author the normalized author email (the key of author queries and actions)
 * @param heldAt when it was held
 * @param authorStatus the author's standing when the comment was held
 * @param decisionJson the HELD decision event as emitted (reasons with match offsets, score, policyVersion, the
 * comment as received)
 */
public record HeldComment(String commentId, String siteId, String postId, String author, Instant heldAt,
		AuthorStatus authorStatus, String decisionJson) {
}
