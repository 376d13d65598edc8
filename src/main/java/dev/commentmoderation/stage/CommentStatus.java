package dev.commentmoderation.stage;

import java.util.List;
import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.Score;

/**
 * A comment's first decision as the review stage (partitioned by commentId) keeps it, with what a later revision
 * needs (a moderator may correct any decision): the automatic reasons and score, the comment as received. The author
 * stage sends it for a held comment, with the author's standing and moderator action when it was held (the
 * moderators' queue shows them); for an approved or rejected one the review stage reads it back from the decision
 * event ({@link DecisionEvents}; no standing or action). {@code heldTimestamp} is the record timestamp of the
 * decision (held or not); {@code heldAtMillis} the wall-clock time of a HELD one.
 */
public record CommentStatus(String commentId, String author, Decision decision, String postId, String siteId,
		List<Reason> reasons, String receivedJson, long heldAtMillis, long heldTimestamp, String policyVersion,
		Score score, String moderatedAt, StoredStanding standing, StoredAction action, Classification classification) {
}
