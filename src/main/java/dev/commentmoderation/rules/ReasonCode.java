package dev.commentmoderation.rules;

/** Why a comment was rejected. The names are part of the public event contract: never rename one. */
public enum ReasonCode {

	CONTENT_REQUIRED, NAME_REQUIRED, EMAIL_REQUIRED, EMAIL_INVALID, URL_INVALID, FIELD_TOO_LONG, TOO_MANY_LINKS,
	BLOCKED_TERM, SPAM_PATTERN, HONEYPOT, SUBMITTED_TOO_FAST

}
