package dev.commentmoderation.events;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * Headers of a dead-letter record. They use Spring Kafka's dead-letter header names and encodings (partition
 * as a 4-byte and offset and timestamp as 8-byte big-endian integers, everything else UTF-8), so tools that
 * read Spring's dead letters read ours, plus {@value #ERROR_CODE}, an {@link EnvelopeError} name as UTF-8 for
 * clients that want one word to switch on.
 */
public final class DeadLetterHeaders {

	public static final String ERROR_CODE = "moderation_dlt-error-code";

	private DeadLetterHeaders() {
	}

	/** Where the dead record came from. */
	public record Source(String topic, int partition, long offset, long timestamp) {

		/** The source of the record being processed; unknown (empty topic, -1) outside a source-fed task. */
		public static Source of(Optional<RecordMetadata> metadata, long timestamp) {
			return metadata.map(m -> new Source(m.topic(), m.partition(), m.offset(), timestamp))
				.orElseGet(() -> new Source("", -1, -1L, timestamp));
		}

	}

	/**
	 * The original headers with the dead-letter headers added, replacing any dead-letter headers an earlier
	 * failure left.
	 */
	public static Headers of(Headers original, Source source, InvalidEnvelopeException failure) {
		RecordHeaders headers = new RecordHeaders(original.toArray());
		for (String name : new String[] { KafkaHeaders.DLT_ORIGINAL_TOPIC, KafkaHeaders.DLT_ORIGINAL_PARTITION,
				KafkaHeaders.DLT_ORIGINAL_OFFSET, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
				KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, KafkaHeaders.DLT_EXCEPTION_FQCN,
				KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, KafkaHeaders.DLT_EXCEPTION_MESSAGE,
				KafkaHeaders.DLT_EXCEPTION_STACKTRACE, ERROR_CODE }) {
			headers.remove(name);
		}
		headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(source.topic()));
		headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(source.partition()).array());
		headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(source.offset()).array());
		headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(source.timestamp()).array());
		headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(failure.getClass().getName()));
		if (failure.getCause() != null) {
			headers.add(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, utf8(failure.getCause().getClass().getName()));
		}
		headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(failure.getMessage()));
		if (failure.error() == EnvelopeError.PROCESSING_FAILED && failure.getCause() != null) {
			headers.add(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, utf8(stackTrace(failure.getCause())));
		}
		headers.add(ERROR_CODE, utf8(failure.error().name()));
		return headers;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String stackTrace(Throwable throwable) {
		StringWriter writer = new StringWriter();
		throwable.printStackTrace(new PrintWriter(writer));
		return writer.toString();
	}

}
