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
 * A new outcome of a comment (a held comment's final decision, or a correction), back to its author's partition:
 * for the author's standing ({@code previous} is the outcome it replaces), for re-emission on resubmission,
 * and for the author's history ({@code decidedTimestamp}: the record time of the first decision).
 */
public record FinalDecision(String commentId, String author, Decision decision, List<Reason> reasons, String json,
		Decision previous, boolean spam, int revision, String siteId, String postId, long decidedTimestamp) {
}
