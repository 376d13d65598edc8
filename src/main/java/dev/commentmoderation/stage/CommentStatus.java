package dev.commentmoderation.stage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.classifier.Label;
import dev.commentmoderation.rules.AuthorAction;
import dev.commentmoderation.rules.AuthorStanding;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.Score;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * The author stage tells the review stage (partitioned by commentId) of every decision, with what a later
 * revision needs (a moderator may correct any decision): the automatic reasons and score, the comment as
 * received, and the author's standing and moderator action when it was decided. {@code heldTimestamp} is the
 * record timestamp of the decision (held or not); {@code heldAtMillis} the wall-clock time of a HELD one.
 */
public record CommentStatus(String commentId, String author, Decision decision, String postId, String siteId,
		List<Reason> reasons, String receivedJson, long heldAtMillis, long heldTimestamp, String policyVersion,
		Score score, String moderatedAt, StoredStanding standing, StoredAction action, Classification classification) {
}
