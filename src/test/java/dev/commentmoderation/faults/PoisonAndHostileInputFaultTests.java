package dev.commentmoderation.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import dev.commentmoderation.EmbeddedKafkaConfiguration;
import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.health.StreamsStateTracker;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.ServiceTopics;
import dev.commentmoderation.testing.KafkaClients;
import dev.commentmoderation.testing.SampleComments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison and hostile input against the whole service and a real broker. Generated garbage of every kind,
 * interleaved with valid comments: every valid comment is decided, every invalid record is on the dead-letter
 * topic with its error code, and the stream keeps running. Then text built to make regexes backtrack and Unicode
 * normalization blow up: each such comment is decided within a bound.
 */
@Tag("faults")
@SpringBootTest(properties = { "embedded.kafka.port=0",
		"spring.kafka.streams.state-dir=${java.io.tmpdir}/poison-${random.uuid}",
		"moderation.rules.blocked-terms=casino,free money",
		"moderation.rules.spam-patterns=(a+)+$,(a|aa)+$,(.*a){20},(?i)<a\\s[^>]*href,(x+x+)+y",
		// every logger at INFO, Kafka's and the broker's included: none of them may print personal data or text
		"logging.level.root=INFO", "logging.level.org.apache.kafka=INFO", "logging.level.kafka=INFO",
		"logging.level.dev.commentmoderation=INFO" })
@Import(EmbeddedKafkaConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class PoisonAndHostileInputFaultTests {

	static final String SUBMITTED = "comments.submitted";

	@Autowired
	KafkaBroker broker;

	@Autowired
	StreamsStateTracker streams;

	/** Invalid records by key, with the error code expected on the dead-letter topic (null: any code). */
	final Map<String, EnvelopeError> invalid = new LinkedHashMap<>();

	/** Records with a usable envelope (even if every other field is wrong), by commentId. */
	final Set<String> valid = new HashSet<>();

	@Test
	void garbageIsDeadLetteredValidCommentsAreDecidedAndTheStreamNeverStops(CapturedOutput output) {
		long seed = Long.getLong("faults.seed", System.nanoTime());
		Random random = new Random(seed);
		int rounds = FaultSettings.get("poison.rounds", 200);
		String run = UUID.randomUUID().toString().substring(0, 8);
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			int n = 0;
			for (int round = 0; round < rounds; round++) {
				for (int v = 0; v < 5; v++) {
					String id = run + "-ok-" + round + "-" + v;
					this.valid.add(id);
					send(producer, "post-" + v, SampleComments.valid(id));
				}
				// every invalid-envelope case, then random garbage
				String b = run + "-bad-" + round + "-";
				invalid(producer, b + n++, new byte[0], EnvelopeError.EMPTY_VALUE);
				invalid(producer, b + n++, null, EnvelopeError.EMPTY_VALUE);
				invalid(producer, b + n++, new byte[] { '{', (byte) 0xC3, (byte) 0x28, '}' }, EnvelopeError.INVALID_UTF8);
				invalid(producer, b + n++, truncated(random, run + "-t-" + round), EnvelopeError.MALFORMED_JSON);
				invalid(producer, b + n++, utf8("[".repeat(5_000 + random.nextInt(50_000))), EnvelopeError.MALFORMED_JSON);
				invalid(producer, b + n++, utf8("{\"commentId\":\"x\",\"content\":" + "{\"a\":".repeat(3_000) + "1"
						+ "}".repeat(3_000) + "}"), EnvelopeError.MALFORMED_JSON);
				invalid(producer, b + n++, utf8("{\"commentId\":\"a\",\"commentId\":\"b\"}"), EnvelopeError.MALFORMED_JSON);
				invalid(producer, b + n++, utf8("{\"commentId\":\"a\"} {}"), EnvelopeError.MALFORMED_JSON);
				invalid(producer, b + n++, utf8("{\"commentId\":1" + "0".repeat(5_000) + "}"), null);
				invalid(producer, b + n++, utf8(switch (round % 4) {
					case 0 -> "[1,2,3]";
					case 1 -> "\"a string\"";
					case 2 -> "42";
					default -> "null";
				}), round % 4 == 3 ? null : EnvelopeError.NOT_AN_OBJECT);
				invalid(producer, b + n++, utf8("{\"postId\":\"p\"}"), EnvelopeError.COMMENT_ID_MISSING);
				invalid(producer, b + n++, utf8("{\"commentId\":null}"), EnvelopeError.COMMENT_ID_MISSING);
				invalid(producer, b + n++, utf8("{\"commentId\":" + switch (round % 4) {
					case 0 -> "42";
					case 1 -> "[\"a\"]";
					case 2 -> "{\"id\":\"a\"}";
					default -> "true";
				} + "}"), EnvelopeError.COMMENT_ID_NOT_A_STRING);
				invalid(producer, b + n++, utf8("{\"commentId\":\" \\t \"}"), EnvelopeError.COMMENT_ID_BLANK);
				invalid(producer, b + n++, utf8("{\"commentId\":\"" + "x".repeat(129 + random.nextInt(100_000)) + "\"}"),
						EnvelopeError.COMMENT_ID_TOO_LONG);
				byte[] garbage = new byte[1 + random.nextInt(round % 20 == 0 ? 500_000 : 2_000)];
				random.nextBytes(garbage);
				invalid(producer, b + n++, garbage, null);
				// usable envelopes with everything else wrong: these are decided (rejected), not dead-lettered
				String wrongTypes = run + "-wrong-" + round;
				this.valid.add(wrongTypes);
				send(producer, "post", utf8("{\"commentId\":\"" + wrongTypes + "\",\"postId\":7,\"author\":[1],"
						+ "\"content\":{\"text\":\"hi\"},\"submittedAt\":\"yesterday\",\"honeypot\":false}"));
				if (round % 20 == 0) {
					String huge = run + "-huge-" + round;
					this.valid.add(huge);
					send(producer, "post", SampleComments.comment(huge, "N".repeat(random.nextInt(100_000)),
							"e@example.org", "casino ".repeat(10_000 + random.nextInt(90_000))));
				}
			}
			producer.flush();
		}

		String last = run + "-last";
		List<ConsumerRecord<byte[], byte[]>> records;
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers());
				KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
						ServiceTopics.OUTCOMES)) {
			this.valid.add(last);
			send(producer, "post", SampleComments.valid(last));
			producer.flush();
			records = KafkaClients.readAtLeast(reader, this.valid.size() + this.invalid.size(), Duration.ofMinutes(3));
		}

		Map<String, Integer> decisions = new HashMap<>();
		Map<String, String> deadLetters = new HashMap<>();
		for (ConsumerRecord<byte[], byte[]> record : records) {
			String key = (record.key() != null) ? KafkaClients.utf8(record.key()) : "";
			if (record.topic().equals("comments.submitted.DLT")) {
				assertThat(deadLetters.put(key, KafkaClients.utf8(
						record.headers().lastHeader(DeadLetterHeaders.ERROR_CODE).value()))).as("doubled " + key).isNull();
			}
			else if (key.startsWith(run)) {
				decisions.merge(key, 1, Integer::sum);
			}
		}
		assertThat(decisions.keySet()).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(this.valid);
		assertThat(decisions.values()).allMatch(count -> count == 1);
		assertThat(deadLetters.keySet()).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(this.invalid.keySet());
		this.invalid.forEach((key, error) -> {
			if (error != null) {
				assertThat(deadLetters.get(key)).as(key).isEqualTo(error.name());
			}
		});
		assertThat(this.streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
		// SampleComments carry jane@example.org, 203.0.113.7 and "Thanks for the write-up", whole or truncated
		assertThat(output.getAll()).doesNotContain("jane@example.org")
			.doesNotContain("example.org")
			.doesNotContain("203.0.113.7")
			.doesNotContain("Thanks for the write-up")
			.doesNotContain("casino casino");
		System.out.printf("Poison input: %d valid decided, %d invalid dead-lettered, seed %d%n", this.valid.size(),
				this.invalid.size(), seed);
	}

	@Test
	void hostileTextIsDecidedWithinABound(CapturedOutput output) {
		Duration bound = Duration.ofSeconds(Long.getLong("faults.hostile.bound.seconds", 10));
		Map<String, String> hostile = new LinkedHashMap<>();
		hostile.put("nested-quantifiers", "a".repeat(60_000) + "!");
		hostile.put("x-plus-x-plus", "x".repeat(60_000));
		hostile.put("unclosed-anchor-tags", "<a ".repeat(20_000));
		hostile.put("nfkc-expansion-fdfa", "\uFDFA".repeat(21_000));
		hostile.put("nfkc-expansion-ligatures", "\u3316\u33AF\uFB2C".repeat(7_000));
		hostile.put("combining-marks", "a" + "\u0301\u0316\u0300\u0317".repeat(8_000));
		hostile.put("confusables-and-zero-width", "\u0441\u0430\u0455\u0456\u043E\u200B\u200D".repeat(4_000));
		hostile.put("emoji-zwj", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67".repeat(3_600));
		hostile.put("blocked-term-fragments", "casin".repeat(13_000));
		hostile.put("free-money-spaced", "f r e e m o n e y ".repeat(3_600));
		String run = UUID.randomUUID().toString().substring(0, 8);
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers());
				KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
						ServiceTopics.OUTCOMES)) {
			// warm up
			send(producer, "post", SampleComments.valid(run + "-warmup"));
			producer.flush();
			assertThat(KafkaClients.readAtLeast(reader, 1, Duration.ofMinutes(1))).isNotEmpty();
			List<String> timings = new ArrayList<>();
			hostile.forEach((name, content) -> {
				String id = run + "-" + name;
				String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"");
				assertThat(content.getBytes(StandardCharsets.UTF_8).length).as(name).isLessThanOrEqualTo(65_525);
				long sent = System.nanoTime();
				send(producer, "post", SampleComments.comment(id, "Jane Doe", "jane@example.org", escaped));
				producer.flush();
				List<ConsumerRecord<byte[], byte[]>> got = new ArrayList<>();
				long deadline = sent + bound.toNanos();
				while (got.isEmpty() && System.nanoTime() < deadline) {
					reader.poll(Duration.ofMillis(20)).forEach(record -> {
						if (record.key() != null && KafkaClients.utf8(record.key()).equals(id)) {
							got.add(record);
						}
					});
				}
				long took = System.nanoTime() - sent;
				assertThat(got).as("%s decided within %s", name, bound).hasSize(1);
				assertThat(got.get(0).topic()).as(name).isNotEqualTo("comments.submitted.DLT");
				timings.add(String.format("%s %d ms", name, took / 1_000_000));
			});
			System.out.println("Hostile text, publish to committed decision: " + timings);
			assertThat(output.getAll()).doesNotContain("jane@example.org").doesNotContain("203.0.113.7")
				.doesNotContain("aaaaaaaaaa").doesNotContain("\uFDFA\uFDFA").doesNotContain("casincasin");
		}
	}

	void invalid(KafkaProducer<byte[], byte[]> producer, String key, byte[] value, EnvelopeError expected) {
		this.invalid.put(key, expected);
		send(producer, key, value);
	}

	static void send(KafkaProducer<byte[], byte[]> producer, String key, byte[] value) {
		producer.send(new ProducerRecord<>(SUBMITTED, key.getBytes(StandardCharsets.UTF_8), value));
	}

	static byte[] truncated(Random random, String commentId) {
		byte[] full = SampleComments.valid(commentId);
		byte[] cut = new byte[1 + random.nextInt(full.length - 2)];
		System.arraycopy(full, 0, cut, 0, cut.length);
		// a cut inside a multi-byte character would be INVALID_UTF8; SampleComments are ASCII
		return cut;
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
