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
 * The decision rules of the policy the comment was first read under, carried with it so that the later stages
 * decide by that same policy across a reload or a restart. Only what differs from the built-in defaults.
 */
public record CarriedRules(String policyVersion, String site, Map<ReasonCode, RuleAction> actions,
		Map<ReasonCode, BigDecimal> scores, BigDecimal holdAt, BigDecimal rejectAt, long floodIntervalMillis,
		int trustedAuthorMinApproved, Set<ReasonCode> trustedAuthorHeldFor) {

	public static CarriedRules of(CommentRules.Applied applied) {
		DecisionRules decisionRules = applied.decisionRules();
		RuleActions ruleActions = decisionRules.actions();
		Map<ReasonCode, RuleAction> actions = new EnumMap<>(ReasonCode.class);
		Map<ReasonCode, BigDecimal> scores = new EnumMap<>(ReasonCode.class);
		for (ReasonCode code : ReasonCode.values()) {
			if (ruleActions.of(code) != RuleActions.defaultAction(code)) {
				actions.put(code, ruleActions.of(code));
			}
			if (ruleActions.scoreOf(code).signum() != 0) {
				scores.put(code, ruleActions.scoreOf(code));
			}
		}
		return new CarriedRules(applied.policyVersion(), applied.site(), actions, scores, ruleActions.holdAt(),
				ruleActions.rejectAt(), decisionRules.floodInterval().toMillis(),
				decisionRules.trustedAuthorMinApproved(),
				decisionRules.trustedAuthorHeldFor().isEmpty() ? null : decisionRules.trustedAuthorHeldFor());
	}

	public DecisionRules toDecisionRules() {
		return new DecisionRules(
				new RuleActions((actions != null) ? actions : Map.of(), (scores != null) ? scores : Map.of(),
						holdAt, rejectAt),
				Duration.ofMillis(floodIntervalMillis), trustedAuthorMinApproved, null, null, trustedAuthorHeldFor);
	}

}
