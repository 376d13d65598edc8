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

/** A moderator's verdict, with where it came from (for dead-lettering it as received). */
public record ReviewRequest(String commentId, Decision decision, String moderator, String note, String rawValue,
		byte[] originalKey, String sourceTopic, int sourcePartition, long sourceOffset, long sourceTimestamp,
		Boolean spam, String reviewedAt) {
}
