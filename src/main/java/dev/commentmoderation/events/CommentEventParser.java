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
		Instant utc = parseUtc(text);
		if (utc != null) {
			return utc;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return fallback;
		}
	}

	/**
	 * A fast path for the form nearly every site sends, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}: the instant
	 * {@link OffsetDateTime#parse(CharSequence)} gives for it, or null for anything else (other offsets, no
	 * seconds, lower case, out-of-range fields, ...), which then goes through {@code OffsetDateTime.parse}. It
	 * only ever accepts text that the full parser accepts with the same result, and rejects nothing itself, so
	 * results are identical for every input (see CommentEventParserInstantTests). {@code DateTimeFormatter} costs
	 * several microseconds per value; this costs a few dozen nanoseconds.
	 */
	static Instant parseUtc(String text) {
		int length = text.length();
		if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
				|| text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
				|| text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		int nanos = 0;
		if (length > 20) {
			// '.' and 1 to 9 digits before the Z
			int fractionDigits = length - 21;
			if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
				return null;
			}
			int fraction = digits(text, 20, fractionDigits);
			if (fraction < 0) {
				return null;
			}
			for (int i = fractionDigits; i < 9; i++) {
				fraction *= 10;
			}
			nanos = fraction;
		}
		long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
		return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
	}

	/** The value of {@code count} ASCII digits (at most 9) from {@code start}, or -1 if any is not one. */
	private static int digits(String text, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
