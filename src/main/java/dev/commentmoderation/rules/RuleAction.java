package dev.commentmoderation.rules;

/** What a reason does to a comment: reject it outright, or hold it for a moderator. */
public enum RuleAction {

	REJECT, HOLD

}
