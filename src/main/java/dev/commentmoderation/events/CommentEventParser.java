package dev.commentmoderation.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import dev.commentmoderation.rules.Author;
import dev.commentmoderation.rules.Comment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a CommentSubmitted event from the bytes of a record value. Only the envelope can fail: a value that is
 * one UTF-8 JSON object with a usable {@code commentId}. Every other field is taken when it has the right type
 * and left out (null) when it is missing or of another type, so that the rules can give the commenter a reason.
 */
public final class CommentEventParser {

	public static final int MAX_COMMENT_ID_LENGTH = JsonEnvelope.MAX_COMMENT_ID_LENGTH;

	/**
	 * @param value the record value
	 * @param recordTimestamp used as submittedAt when the event has none
	 * @throws InvalidEnvelopeException when the value cannot be a comment event
	 */
	public SubmittedComment parse(byte[] value, Instant recordTimestamp) {
		JsonEnvelope.Read envelope = JsonEnvelope.read(value);
		ObjectNode event = envelope.event();
		String commentId = envelope.commentId();
		JsonNode author = event.path("author");
		Comment comment = new Comment(commentId, string(event, "postId"), string(event, "siteId"),
				string(event, "parentId"),
				new Author(string(author, "name"), string(author, "email"), string(author, "url"),
						string(author, "ip"), string(author, "userAgent")),
				string(event, "content"), instantOr(event, "submittedAt", recordTimestamp),
				instantOr(event, "formRenderedAt", null), string(event, "honeypot"));
		return new SubmittedComment(comment, envelope.json());
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
