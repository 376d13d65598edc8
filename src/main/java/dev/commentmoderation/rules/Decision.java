package dev.commentmoderation.rules;

/**
 * APPROVED and REJECTED are final. HELD waits for a moderator: a held comment later gets exactly one final
 * APPROVED or REJECTED decision.
 */
public enum Decision {

	APPROVED, REJECTED, HELD

}
