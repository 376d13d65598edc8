package dev.commentmoderation.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import dev.commentmoderation.rules.Decision;
import tools.jackson.databind.JsonNode;

/**
 * Reads a ModeratorReview event ({@code contract/moderator-review.schema.json}):
 * {@code {"commentId", "decision": "APPROVED"|"REJECTED", "spam", "moderator", "note", "reviewedAt"}}. commentId,
 * decision and moderator are required; spam (boolean), note (string) and reviewedAt (an ISO-8601 instant) are
 * optional and may be null. A REJECTED verdict means spam unless {@code spam} is false; an APPROVED one is never
 * spam.
 */
public final class ReviewParser {

	public static final int MAX_MODERATOR_LENGTH = 200;

	/** A parsed review, and its JSON as received; {@code reviewedAt} is null when the event has none. */
	public record Review(String commentId, Decision decision, boolean spam, String moderator, String note,
			Instant reviewedAt, String receivedJson) {
	}

	/** @throws InvalidEnvelopeException when the value is not a usable review */
	public Review parse(byte[] value) {
		JsonEnvelope.Read envelope = JsonEnvelope.read(value);
		JsonNode tree = envelope.event();
		JsonNode decision = tree.get("decision");
		if (decision == null || !decision.isString()
				|| !(decision.stringValue().equals("APPROVED") || decision.stringValue().equals("REJECTED"))) {
			throw new InvalidEnvelopeException(EnvelopeError.REVIEW_INVALID,
					"decision must be \"APPROVED\" or \"REJECTED\"");
		}
		String moderator = moderator(tree, EnvelopeError.REVIEW_INVALID);
		String note = note(tree, EnvelopeError.REVIEW_INVALID);
		JsonNode spam = tree.get("spam");
		if (spam != null && !spam.isNull() && !spam.isBoolean()) {
			throw new InvalidEnvelopeException(EnvelopeError.REVIEW_INVALID, "spam must be true, false or null");
		}
		Decision verdict = Decision.valueOf(decision.stringValue());
		if (verdict == Decision.APPROVED && spam != null && spam.isBoolean() && spam.booleanValue()) {
			throw new InvalidEnvelopeException(EnvelopeError.REVIEW_INVALID, "an APPROVED verdict cannot be spam");
		}
		boolean isSpam = verdict == Decision.REJECTED && (spam == null || spam.isNull() || spam.booleanValue());
		return new Review(envelope.commentId(), verdict, isSpam, moderator, note,
				instant(tree, "reviewedAt", EnvelopeError.REVIEW_INVALID), envelope.json());
	}

	static String moderator(JsonNode tree, EnvelopeError error) {
		JsonNode moderator = tree.get("moderator");
		if (moderator == null || !moderator.isString() || moderator.stringValue().isBlank()
				|| moderator.stringValue().length() > MAX_MODERATOR_LENGTH) {
			throw new InvalidEnvelopeException(error,
					"moderator must be a non-blank string of at most " + MAX_MODERATOR_LENGTH + " characters");
		}
		return moderator.stringValue();
	}

	static String note(JsonNode tree, EnvelopeError error) {
		JsonNode note = tree.get("note");
		if (note != null && !note.isNull() && !note.isString()) {
			throw new InvalidEnvelopeException(error, "note must be a string or null");
		}
		return (note == null || note.isNull()) ? null : note.stringValue();
	}

	static Instant instant(JsonNode tree, String field, EnvelopeError error) {
		JsonNode node = tree.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw new InvalidEnvelopeException(error, field + " must be an ISO-8601 instant string or null");
		}
		try {
			return Instant.parse(node.stringValue());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidEnvelopeException(error, field + " must be an ISO-8601 instant such as 2026-11-29T10:15:30Z");
		}
	}

}
