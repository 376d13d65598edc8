package dev.commentmoderation.events;

import dev.commentmoderation.rules.Decision;
import tools.jackson.databind.JsonNode;

/**
 * Reads a ModeratorReview event ({@code contract/moderator-review.schema.json}):
 * {@code {"commentId", "decision": "APPROVED"|"REJECTED", "moderator", "note"}}. commentId, decision and
 * moderator are required; note is optional (string or null).
 */
public final class ReviewParser {

	public static final int MAX_MODERATOR_LENGTH = 200;

	/** A parsed review, and its JSON as received. */
	public record Review(String commentId, Decision decision, String moderator, String note, String receivedJson) {
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
		JsonNode moderator = tree.get("moderator");
		if (moderator == null || !moderator.isString() || moderator.stringValue().isBlank()
				|| moderator.stringValue().length() > MAX_MODERATOR_LENGTH) {
			throw new InvalidEnvelopeException(EnvelopeError.REVIEW_INVALID,
					"moderator must be a non-blank string of at most " + MAX_MODERATOR_LENGTH + " characters");
		}
		JsonNode note = tree.get("note");
		if (note != null && !note.isNull() && !note.isString()) {
			throw new InvalidEnvelopeException(EnvelopeError.REVIEW_INVALID, "note must be a string or null");
		}
		return new Review(envelope.commentId(), Decision.valueOf(decision.stringValue()), moderator.stringValue(),
				(note == null || note.isNull()) ? null : note.stringValue(), envelope.json());
	}

}
