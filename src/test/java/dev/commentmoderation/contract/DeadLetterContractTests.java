package dev.commentmoderation.contract;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.testing.ModerationTopologyDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record on the submitted topic that is not a comment event goes to the dead-letter topic with its original
 * key and value bytes and Spring Kafka's dead-letter headers, plus moderation_dlt-error-code, and never gets a
 * decision.
 */
class DeadLetterContractTests {

	private static final String KEY = "example-news";

	private static final Instant TIMESTAMP = Instant.parse("2026-11-28T03:34:00.500Z");

	/** The EnvelopeError of each line of samples/dead-letters.txt, in order. */
	private static final List<EnvelopeError> DEAD_LETTER_SAMPLE_ERRORS = List.of(EnvelopeError.MALFORMED_JSON,
			EnvelopeError.NOT_AN_OBJECT, EnvelopeError.COMMENT_ID_MISSING, EnvelopeError.COMMENT_ID_NOT_A_STRING,
			EnvelopeError.COMMENT_ID_BLANK, EnvelopeError.MALFORMED_JSON);

	private ModerationTopologyHarness topology;

	@BeforeEach
	void open() {
		this.topology = new ModerationTopologyHarness();
	}

	@AfterEach
	void close() {
		this.topology.close();
	}

	static Stream<Arguments> deadLetterSamples() {
		List<String> lines = Samples.lines(Samples.DEAD_LETTERS);
		assertThat(lines).as("one expected EnvelopeError per line of samples/dead-letters.txt")
			.hasSameSizeAs(DEAD_LETTER_SAMPLE_ERRORS);
		return java.util.stream.IntStream.range(0, lines.size())
			.mapToObj(i -> Arguments.of(DEAD_LETTER_SAMPLE_ERRORS.get(i), lines.get(i)));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("deadLetterSamples")
	void everyLineOfTheDeadLetterSamplesIsDeadLetteredAsIs(EnvelopeError error, String line) {
		assertDeadLettered(KEY.getBytes(StandardCharsets.UTF_8), line.getBytes(StandardCharsets.UTF_8), error);
	}

	@Test
	void anEmptyValueIsDeadLettered() {
		assertDeadLettered(KEY.getBytes(StandardCharsets.UTF_8), new byte[0], EnvelopeError.EMPTY_VALUE);
	}

	@Test
	void aNullValueIsDeadLetteredWithANullValue() {
		assertDeadLettered(KEY.getBytes(StandardCharsets.UTF_8), null, EnvelopeError.EMPTY_VALUE);
	}

	@Test
	void aValueThatIsNotUtf8IsDeadLettered() {
		byte[] latin1 = "{\"commentId\":\"c-zoë\"}".getBytes(StandardCharsets.ISO_8859_1);
		assertDeadLettered(KEY.getBytes(StandardCharsets.UTF_8), latin1, EnvelopeError.INVALID_UTF8);
	}

	@Test
	void aCommentIdOver128CharactersIsDeadLettered() {
		String id = "c-" + "x".repeat(127);
		assertDeadLettered(null, ("{\"commentId\":\"" + id + "\",\"content\":\"hi\"}").getBytes(StandardCharsets.UTF_8),
				EnvelopeError.COMMENT_ID_TOO_LONG);
	}

	@Test
	void theDeadLetterKeepsTheRecordsOffsetOnTheSubmittedTopic() {
		byte[] valid = "{\"commentId\":\"c-1\",\"content\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
		this.topology.send(null, valid, TIMESTAMP);
		this.topology.send(null, valid, TIMESTAMP);
		List<ModerationTopologyDriver.Output> written = this.topology.send(null, "[]".getBytes(StandardCharsets.UTF_8),
				TIMESTAMP);
		assertThat(written).singleElement()
			.satisfies(dead -> assertThat(longHeader(dead.headers(), "kafka_dlt-original-offset")).isEqualTo(2L));
	}

	private void assertDeadLettered(byte[] key, byte[] value, EnvelopeError error) {
		List<ModerationTopologyDriver.Output> written = this.topology.send(key, value, TIMESTAMP);
		assertThat(written).as("only a dead letter, never a decision").hasSize(1);
		ModerationTopologyDriver.Output dead = written.get(0);
		assertThat(dead.topic()).isEqualTo("comments.submitted.DLT");
		assertThat(dead.key()).as("original key bytes").isEqualTo(key);
		assertThat(dead.value()).as("original value bytes").isEqualTo(value);

		Headers headers = dead.headers();
		assertThat(text(headers, "moderation_dlt-error-code")).isEqualTo(error.name());
		assertThat(text(headers, "kafka_dlt-original-topic")).isEqualTo("comments.submitted");
		assertThat(bytes(headers, "kafka_dlt-original-partition")).hasSize(Integer.BYTES);
		assertThat(ByteBuffer.wrap(bytes(headers, "kafka_dlt-original-partition")).getInt()).isZero();
		assertThat(longHeader(headers, "kafka_dlt-original-offset")).isZero();
		assertThat(longHeader(headers, "kafka_dlt-original-timestamp")).isEqualTo(TIMESTAMP.toEpochMilli());
		assertThat(text(headers, "kafka_dlt-exception-fqcn")).isNotBlank();
		assertThat(classExists(text(headers, "kafka_dlt-exception-fqcn"))).isTrue();
		assertThat(text(headers, "kafka_dlt-exception-message")).isNotBlank();
		Header cause = headers.lastHeader("kafka_dlt-exception-cause-fqcn");
		if (cause != null) {
			assertThat(classExists(new String(cause.value(), StandardCharsets.UTF_8))).isTrue();
		}
		assertThat(headers.lastHeader("kafka_dlt-exception-stacktrace"))
			.as("a stack trace only for PROCESSING_FAILED")
			.isNull();
		for (String name : List.of("kafka_dlt-original-topic", "kafka_dlt-original-partition",
				"kafka_dlt-original-offset", "kafka_dlt-original-timestamp", "kafka_dlt-exception-fqcn",
				"kafka_dlt-exception-message", "moderation_dlt-error-code")) {
			assertThat(Arrays.stream(headers.toArray()).filter(h -> h.key().equals(name))).as(name).hasSize(1);
		}
	}

	private static long longHeader(Headers headers, String name) {
		byte[] value = bytes(headers, name);
		assertThat(value).as("%s is an 8-byte big-endian long", name).hasSize(Long.BYTES);
		return ByteBuffer.wrap(value).getLong();
	}

	private static String text(Headers headers, String name) {
		return new String(bytes(headers, name), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		assertThat(header).as("header %s", name).isNotNull();
		return header.value();
	}

	private static boolean classExists(String name) {
		try {
			Class.forName(name, false, DeadLetterContractTests.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
