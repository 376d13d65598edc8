package dev.commentmoderation.events;

/**
 * Why a record on the submitted topic is not a comment event, a record on the reviewed topic not a usable verdict,
 * or a record on the author-actions topic not a usable action. The names appear in the dead-letter header
 * {@value DeadLetterHeaders#ERROR_CODE} and in the {@code error} tag of the dead-letter metric: never rename
 * one.
 */
public enum EnvelopeError {

	/** The record has no value, or an empty one. */
	EMPTY_VALUE,
	/** The value is not valid UTF-8. */
	INVALID_UTF8,
	/** The value is not one well-formed JSON document (including duplicate keys and trailing content). */
	MALFORMED_JSON,
	/** The value is JSON, but not an object. */
	NOT_AN_OBJECT,
	/** The object has no commentId, or a null one. */
	COMMENT_ID_MISSING,
	/** commentId is not a JSON string. */
	COMMENT_ID_NOT_A_STRING,
	/** commentId is empty or only whitespace. */
	COMMENT_ID_BLANK,
	/** commentId is longer than {@value CommentEventParser#MAX_COMMENT_ID_LENGTH} characters. */
	COMMENT_ID_TOO_LONG,
	/** The service failed on this record for a reason of its own; the stack trace is in the headers. */
	PROCESSING_FAILED,
	/** A moderator review (on the reviewed topic) without a valid decision or moderator, or with a bad note. */
	REVIEW_INVALID,
	/** A moderator review of a commentId the service does not know (never submitted, or forgotten). */
	REVIEW_UNKNOWN_COMMENT,
	/**
	 * No longer emitted (contract 2.0): a verdict on a comment that already has a final decision is a correction.
	 * Kept so that consumers switching on it still compile and dead letters written before 2.0 still name it.
	 */
	REVIEW_ALREADY_FINAL,
	/**
	 * A moderator's action on an author (on the author-actions topic) that is not usable: no valid email, an
	 * unknown action, no moderator, or an {@code until} that is not an instant or not on a BAN.
	 */
	AUTHOR_ACTION_INVALID

}
