package dev.commentmoderation.events;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import dev.commentmoderation.rules.Author;
import dev.commentmoderation.rules.Comment;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a CommentSubmitted event from the bytes of a record value. Only the envelope can fail: a value that is
 * not UTF-8 JSON object with a usable {@code commentId}. Every other field is taken when it has the right type
 * and left out (null) when it is missing or of another type, so that the rules can give the commenter a reason.
 */
public final class CommentEventParser {

	public static final int MAX_COMMENT_ID_LENGTH = 128;

	private final JsonMapper mapper;

	public CommentEventParser() {
		this.mapper = JsonMapper.builder()
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
	}

	/**
	 * @param value the record value
	 * @param recordTimestamp used as submittedAt when the event has none
	 * @throws InvalidEnvelopeException when the value cannot be a comment event
	 */
	public SubmittedComment parse(byte[] value, Instant recordTimestamp) {
		if (value == null || value.length == 0) {
			throw new InvalidEnvelopeException(EnvelopeError.EMPTY_VALUE, "The record value is empty");
		}
		String json = decodeUtf8(value);
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
		ObjectNode event = (ObjectNode) tree;
		String commentId = commentId(event);
		JsonNode author = event.path("author");
		Comment comment = new Comment(commentId, string(event, "postId"), string(event, "siteId"),
				string(event, "parentId"),
				new Author(string(author, "name"), string(author, "email"), string(author, "url"),
						string(author, "ip"), string(author, "userAgent")),
				string(event, "content"), instantOr(event, "submittedAt", recordTimestamp),
				instantOr(event, "formRenderedAt", null), string(event, "honeypot"));
		return new SubmittedComment(comment, event);
	}

	private static String decodeUtf8(byte[] value) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(value))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidEnvelopeException(EnvelopeError.INVALID_UTF8, "The record value is not valid UTF-8", ex);
		}
	}

	private static String commentId(ObjectNode event) {
		JsonNode id = event.get("commentId");
		if (id == null || id.isNull()) {
			throw new InvalidEnvelopeException(EnvelopeError.COMMENT_ID_MISSING, "commentId is missing");
		}
		if (!id.isString()) {
			throw new InvalidEnvelopeException(EnvelopeError.COMMENT_ID_NOT_A_STRING,
					"commentId must be a string, not " + id.getNodeType().name().toLowerCase());
		}
		String value = id.stringValue();
		if (value.isBlank()) {
			throw new InvalidEnvelopeException(EnvelopeError.COMMENT_ID_BLANK, "commentId is blank");
		}
		if (value.codePointCount(0, value.length()) > MAX_COMMENT_ID_LENGTH) {
			throw new InvalidEnvelopeException(EnvelopeError.COMMENT_ID_TOO_LONG,
					"commentId is longer than " + MAX_COMMENT_ID_LENGTH + " characters");
		}
		return value;
	}

	private static String string(JsonNode parent, String field) {
		JsonNode node = parent.get(field);
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

	private static Instant instantOr(JsonNode parent, String field, Instant fallback) {
		String text = string(parent, field);
		if (text == null) {
			return fallback;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return fallback;
		}
	}

}
