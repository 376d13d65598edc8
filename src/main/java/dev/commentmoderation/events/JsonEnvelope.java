package dev.commentmoderation.events;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelope every event the service reads shares: a non-empty UTF-8 value holding exactly one JSON object
 * (no duplicate keys, no trailing content) with a usable {@code commentId}. Each failure is an
 * {@link InvalidEnvelopeException} naming its {@link EnvelopeError}.
 */
final class JsonEnvelope {

	static final int MAX_COMMENT_ID_LENGTH = 128;

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	/** The event's JSON text exactly as received, the object parsed from it, and its commentId. */
	record Read(String json, ObjectNode event, String commentId) {
	}

	private JsonEnvelope() {
	}

	static Read read(byte[] value) {
		Read object = readObject(value);
		return new Read(object.json(), object.event(), commentId(object.event()));
	}

	/** As {@link #read(byte[])}, for events that are not about one comment: no commentId check (it is null). */
	static Read readObject(byte[] value) {
		if (value == null || value.length == 0) {
			throw new InvalidEnvelopeException(EnvelopeError.EMPTY_VALUE, "The record value is empty");
		}
		String json = decodeUtf8(value);
		JsonNode tree;
		try {
			tree = STRICT.readTree(json);
		}
		catch (JacksonException ex) {
			throw new InvalidEnvelopeException(EnvelopeError.MALFORMED_JSON,
					"The record value is not well-formed JSON: " + ex.getOriginalMessage(), ex);
		}
		if (tree == null || !tree.isObject()) {
			throw new InvalidEnvelopeException(EnvelopeError.NOT_AN_OBJECT,
					"The record value is JSON, but not an object");
		}
		return new Read(json, (ObjectNode) tree, null);
	}

	/**
	 * One strict decoder per thread (a decoder is stateful, not thread-safe, and costs a few allocations to make):
	 * {@link CharsetDecoder#decode(ByteBuffer)} resets it before each use.
	 */
	private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
		.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT));

	private static String decodeUtf8(byte[] value) {
		try {
			return UTF8.get().decode(ByteBuffer.wrap(value)).toString();
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

}
