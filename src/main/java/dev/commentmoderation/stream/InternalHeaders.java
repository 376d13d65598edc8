package dev.commentmoderation.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What the IP stage needs of a comment, carried in headers of the by-IP repartition topic so that the IP stage
 * passes the comment's value through untouched (no decoding, no encoding). Removed before any record leaves the
 * topology: they name the author.
 */
final class InternalHeaders {

	static final String AUTHOR = "moderation.author";

	static final String COMMENT_ID = "moderation.comment-id";

	static final String FLOOD_INTERVAL_MS = "moderation.flood-interval-ms";

	/** Set by the IP stage: when this IP last commented within the flood interval (epoch ms). */
	static final String PREVIOUS_FROM_IP = "moderation.previous-from-ip";

	private static final String[] ALL = { AUTHOR, COMMENT_ID, FLOOD_INTERVAL_MS, PREVIOUS_FROM_IP };

	private InternalHeaders() {
	}

	static void put(Headers headers, String name, String value) {
		headers.remove(name).add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	static void put(Headers headers, String name, long value) {
		headers.remove(name).add(name, ByteBuffer.allocate(Long.BYTES).putLong(value).array());
	}

	static String string(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	static Long number(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null && header.value().length == Long.BYTES)
				? ByteBuffer.wrap(header.value()).getLong() : null;
	}

	static void removeAll(Headers headers) {
		for (String name : ALL) {
			headers.remove(name);
		}
	}

}
