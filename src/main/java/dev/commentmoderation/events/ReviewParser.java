package dev.commentmoderation.events;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.commentmoderation.rules.Decision;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	/** @throws InvalidEnvelopeException when the value is not a usable review */
	public Review parse(byte[] value) {
		if (value == null || value.length == 0) {
			throw new InvalidEnvelopeException(EnvelopeError.EMPTY_VALUE, "The record value is empty");
		}
		String json;
		try {
			json = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(value))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidEnvelopeException(EnvelopeError.INVALID_UTF8, "The record value is not valid UTF-8", ex);
		}
		JsonNode tree;
		try {
			tree = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new InvalidEnvelopeException(EnvelopeError.MALFORMED_JSON,
					"The record value is not well-formed JSON: " + ex.getOriginalMessage(), ex);
		}
		if (tree == null || !tree.isObject()) {
			throw new InvalidEnvelopeException(EnvelopeError.NOT_AN_OBJECT,
					"The record value is JSON, but not an object");
		}
		JsonNode id = tree.get("commentId");
		if (id == null || id.isNull()) {
			throw new InvalidEnvelopeException(EnvelopeError.COMMENT_ID_MISSING, "commentId is missing");
		}
		if (!id.isString()) {
			throw new InvalidEnvelopeException(EnvelopeError.COMMENT_ID_NOT_A_STRING, "commentId must be a string");
		}
		String commentId = id.stringValue();
		if (commentId.isBlank()) {
			throw new InvalidEnvelopeException(EnvelopeError.COMMENT_ID_BLANK, "commentId is blank");
		}
		if (commentId.codePointCount(0, commentId.length()) > CommentEventParser.MAX_COMMENT_ID_LENGTH) {
			throw new InvalidEnvelopeException(EnvelopeError.COMMENT_ID_TOO_LONG,
					"commentId is longer than " + CommentEventParser.MAX_COMMENT_ID_LENGTH + " characters");
		}
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
		return new Review(commentId, Decision.valueOf(decision.stringValue()), moderator.stringValue(),
				(note == null || note.isNull()) ? null : note.stringValue(), json);
	}

}
