package dev.commentmoderation.events;

import dev.commentmoderation.rules.AuthorAction;
import dev.commentmoderation.rules.Authors;
import tools.jackson.databind.JsonNode;

/**
 * Reads an AuthorAction event ({@code contract/author-action.schema.json}) from the author-actions topic:
 * {@code {"email", "action": "TRUST"|"BAN"|"PREMODERATE"|"RESET", "until", "moderator", "note", "at"}}. email,
 * action and moderator are required; until (BAN only), note and at are optional. The author is the email as the
 * rules key authors: stripped and lower-cased.
 */
public final class AuthorActionParser {

	/** A parsed action: the normalized email it applies to, and the action. */
	public record Parsed(String author, AuthorAction action) {
	}

	/** @throws InvalidEnvelopeException when the value is not a usable action */
	public Parsed parse(byte[] value) {
		JsonNode tree = JsonEnvelope.readObject(value).event();
		JsonNode email = tree.get("email");
		String author = (email != null && email.isString()) ? Authors.normalizedEmail(email.stringValue()).orElse(null)
				: null;
		if (author == null) {
			throw new InvalidEnvelopeException(EnvelopeError.AUTHOR_ACTION_INVALID, "email must be a valid email address");
		}
		JsonNode kind = tree.get("action");
		AuthorAction.Kind action;
		try {
			action = AuthorAction.Kind.valueOf((kind != null && kind.isString()) ? kind.stringValue() : "");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEnvelopeException(EnvelopeError.AUTHOR_ACTION_INVALID,
					"action must be one of TRUST, BAN, PREMODERATE, RESET");
		}
		String moderator = ReviewParser.moderator(tree, EnvelopeError.AUTHOR_ACTION_INVALID);
		String note = ReviewParser.note(tree, EnvelopeError.AUTHOR_ACTION_INVALID);
		java.time.Instant until = ReviewParser.instant(tree, "until", EnvelopeError.AUTHOR_ACTION_INVALID);
		if (until != null && action != AuthorAction.Kind.BAN) {
			throw new InvalidEnvelopeException(EnvelopeError.AUTHOR_ACTION_INVALID, "until applies to BAN only");
		}
		java.time.Instant at = ReviewParser.instant(tree, "at", EnvelopeError.AUTHOR_ACTION_INVALID);
		return new Parsed(author, new AuthorAction(action, until, moderator, note, at));
	}

}
