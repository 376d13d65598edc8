package dev.commentmoderation.rules;

/**
 * What a reason does to a comment: reject it outright, hold it for a moderator, or only add its score to the
 * comment's total (which rejects or holds when it reaches a threshold; see {@link RuleActions}).
 */
public enum RuleAction {

	REJECT, HOLD, SCORE

}
