package dev.commentmoderation.workbench;

import java.time.Instant;

/**
 * A decided comment as it stands now, for the corrections view: a moderator takes down an approved one or rescues
 * a rejected one.
 *
 * @param author the normalized author email (the key of author queries and actions)
 * @param recordedAt when the stream recorded its current outcome (the record time the view is ordered by)
 * @param decisionJson the current revision's decision event as emitted (reasons, score, the comment as received)
 */
public record RecentDecision(String commentId, String siteId, String postId, String author, String decision,
		int revision, Instant recordedAt, String decisionJson) {
}
