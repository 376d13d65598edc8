package dev.commentmoderation.stream;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.Verdict;
import dev.commentmoderation.stage.CommentRules;
import dev.commentmoderation.testing.ModerationTopologyDriver;

import static dev.commentmoderation.testing.ModerationTopologyDriver.bytes;
import static dev.commentmoderation.testing.ModerationTopologyDriver.header;
import static dev.commentmoderation.testing.ModerationTopologyDriver.json;
import static dev.commentmoderation.testing.ModerationTopologyDriver.reasonCodes;
import static dev.commentmoderation.testing.ModerationTopologyDriver.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class ModerationTopologyTests {

	static final Instant NOW = Instant.parse("2026-11-28T03:35:00Z");

	ModerationTopologyDriver driver;

	List<String> decidedIds = new ArrayList<>();

	List<EnvelopeError> deadLettered = new ArrayList<>();

	@BeforeEach
	void startTopology() {
		start(UnaryOperator.identity());
	}

	void start(UnaryOperator<CommentRules> aroundRules) {
		ModerationListener listener = new ModerationListener() {
			@Override
			public void decided(String commentId, String site, Verdict verdict, Duration processingTime) {
				decidedIds.add(commentId);
			}

			@Override
			public void deadLettered(DeadLetterHeaders.Source source, InvalidEnvelopeException failure) {
				deadLettered.add(failure.error());
			}
		};
		this.driver = ModerationTopologyDriver.with()
			.rules(RuleSettings.DEFAULTS.withBlockedTerms(List.of("casino")))
			.aroundRules(aroundRules)
			.listener(listener)
			.at(NOW)
			.start();
	}

	@AfterEach
	void close() {
		this.driver.close();
	}

	@Test
	void aValidCommentIsApprovedKeyedByItsCommentIdWithNoReasons() {
		submit("site-key", validComment("c-1"));

		TestRecord<byte[], byte[]> record = this.driver.approved().readRecord();
		assertThat(utf8(record.key())).isEqualTo("c-1");
		JsonNode decision = json(record.value());
		assertThat(decision.get("decision").stringValue()).isEqualTo("APPROVED");
		assertThat(decision.get("reasons").isArray()).isTrue();
		assertThat(decision.get("reasons").size()).isZero();
		assertThat(decision.get("postId").stringValue()).isEqualTo("security-talks-geneva");
		assertThat(decision.get("siteId").stringValue()).isEqualTo("example-news");
		assertThat(decision.get("moderatedAt").stringValue()).isEqualTo("2026-11-28T03:35:00Z");
		assertThat(this.driver.rejected().isEmpty()).isTrue();
		assertThat(this.driver.deadLetters().isEmpty()).isTrue();
	}

	@Test
	void theDecisionCarriesTheCommentExactlyAsReceivedIncludingUnknownFields() {
		String comment = validComment("c-2").replace("\"honeypot\"", "\"extra\":{\"a\":[1,2]},\"honeypot\"");
		submit("k", comment);

		JsonNode decision = json(this.driver.approved().readValue());
		assertThat(decision.get("comment")).isEqualTo(json(bytes(comment)));
	}

	@Test
	void aCommentBreakingSeveralRulesIsRejectedWithEveryReason() {
		submit("k", """
				{"commentId":"c-3","postId":"p","siteId":"s","author":{"name":" ","email":"not-an-address"},
				 "content":"Win at the casino [url=http://x.example]now[/url]","honeypot":"filled"}""");

		TestRecord<byte[], byte[]> record = this.driver.rejected().readRecord();
		assertThat(utf8(record.key())).isEqualTo("c-3");
		JsonNode decision = json(record.value());
		assertThat(decision.get("decision").stringValue()).isEqualTo("REJECTED");
		assertThat(reasonCodes(decision)).containsExactlyInAnyOrder("NAME_REQUIRED", "EMAIL_INVALID", "BLOCKED_TERM",
				"SPAM_PATTERN", "HONEYPOT");
		assertThat(this.driver.approved().isEmpty()).isTrue();
	}

	@Test
	void aBlockedTermHitSaysWhichTermMatchedAndWhere() {
		submit("k", validComment("c-4").replace("text of the comment", "Best odds: casino tonight"));

		JsonNode reason = json(this.driver.rejected().readValue()).get("reasons").get(0);
		assertThat(reason.get("code").stringValue()).isEqualTo("BLOCKED_TERM");
		assertThat(reason.get("field").stringValue()).isEqualTo("content");
		assertThat(reason.get("message").stringValue()).isNotBlank();
		assertThat(reason.get("match").get("term").stringValue()).isEqualTo("casino");
		assertThat(reason.get("match").get("start").intValue()).isEqualTo(11);
		assertThat(reason.get("match").get("end").intValue()).isEqualTo(17);
	}

	@Test
	void reasonsWithoutAMatchOmitIt() {
		submit("k", validComment("c-5").replace("\"Jane Doe\"", "\"\""));

		JsonNode reason = json(this.driver.rejected().readValue()).get("reasons").get(0);
		assertThat(reason.get("code").stringValue()).isEqualTo("NAME_REQUIRED");
		assertThat(reason.has("match")).isFalse();
	}

	@Test
	void submittedAtDefaultsToTheRecordTimestamp() {
		String comment = validComment("c-6").replace("\"submittedAt\": \"2026-11-28T03:34:00Z\",", "");
		// rendered at 03:33:10; the record timestamp 03:33:12 is 2 s later: too fast
		this.driver.submitted().pipeInput(new TestRecord<>(bytes("k"), bytes(comment), new RecordHeaders(),
				Instant.parse("2026-11-28T03:33:12Z")));

		JsonNode decision = json(this.driver.rejected().readValue());
		assertThat(decision.get("reasons").get(0).get("code").stringValue()).isEqualTo("SUBMITTED_TOO_FAST");
	}

	@Test
	void fieldsOfTheWrongTypeAreTreatedAsMissingAndStillGetADecision() {
		submit("k", """
				{"commentId":"c-7","author":{"name":42,"email":["x"]},"content":{"text":"hi"}}""");

		JsonNode decision = json(this.driver.rejected().readValue());
		assertThat(reasonCodes(decision)).containsExactly("NAME_REQUIRED", "EMAIL_REQUIRED", "CONTENT_REQUIRED");
		assertThat(decision.get("postId").isNull()).isTrue();
	}

	static List<Object[]> invalidEnvelopes() {
		return List.of(new Object[] { null, EnvelopeError.EMPTY_VALUE },
				new Object[] { new byte[0], EnvelopeError.EMPTY_VALUE },
				new Object[] { new byte[] { '{', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }, EnvelopeError.INVALID_UTF8 },
				new Object[] { bytes("{\"commentId\": \"c-1\""), EnvelopeError.MALFORMED_JSON },
				new Object[] { bytes("{\"commentId\":\"a\",\"commentId\":\"b\"}"), EnvelopeError.MALFORMED_JSON },
				new Object[] { bytes("{\"commentId\":\"a\"} {}"), EnvelopeError.MALFORMED_JSON },
				new Object[] { bytes("[{\"commentId\":\"a\"}]"), EnvelopeError.NOT_AN_OBJECT },
				new Object[] { bytes("\"c-1\""), EnvelopeError.NOT_AN_OBJECT },
				new Object[] { bytes("null"), EnvelopeError.NOT_AN_OBJECT },
				new Object[] { bytes("{\"content\":\"hi\"}"), EnvelopeError.COMMENT_ID_MISSING },
				new Object[] { bytes("{\"commentId\":null}"), EnvelopeError.COMMENT_ID_MISSING },
				new Object[] { bytes("{\"commentId\":17}"), EnvelopeError.COMMENT_ID_NOT_A_STRING },
				new Object[] { bytes("{\"commentId\":\"  \"}"), EnvelopeError.COMMENT_ID_BLANK },
				new Object[] { bytes("{\"commentId\":\"" + "x".repeat(129) + "\"}"), EnvelopeError.COMMENT_ID_TOO_LONG });
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("invalidEnvelopes")
	void anInvalidEnvelopeGoesToTheDeadLetterTopicAsReceivedWithHeadersSayingWhy(byte[] value, EnvelopeError error) {
		Headers original = new RecordHeaders().add("trace-id", bytes("t-1"));
		this.driver.submitted().pipeInput(new TestRecord<>(bytes("site-key"), value, original, NOW));

		TestRecord<byte[], byte[]> dead = this.driver.deadLetters().readRecord();
		assertThat(dead.key()).isEqualTo(bytes("site-key"));
		assertThat(dead.value()).isEqualTo(value);
		assertThat(header(dead, "trace-id")).isEqualTo("t-1");
		assertThat(header(dead, DeadLetterHeaders.ERROR_CODE)).isEqualTo(error.name());
		assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(this.driver.topics().submitted());
		assertThat(ByteBuffer.wrap(dead.headers().lastHeader("kafka_dlt-original-partition").value()).getInt())
			.isZero();
		assertThat(ByteBuffer.wrap(dead.headers().lastHeader("kafka_dlt-original-offset").value()).getLong()).isZero();
		assertThat(ByteBuffer.wrap(dead.headers().lastHeader("kafka_dlt-original-timestamp").value()).getLong())
			.isEqualTo(NOW.toEpochMilli());
		assertThat(header(dead, "kafka_dlt-exception-fqcn")).isEqualTo(InvalidEnvelopeException.class.getName());
		assertThat(header(dead, "kafka_dlt-exception-message")).isNotBlank();
		assertThat(this.driver.approved().isEmpty()).isTrue();
		assertThat(this.driver.rejected().isEmpty()).isTrue();
		assertThat(this.deadLettered).containsExactly(error);
	}

	@Test
	void aCommentIdOf128CharactersIsStillDecided() {
		submit("k", validComment("x".repeat(128)));

		assertThat(utf8(this.driver.approved().readRecord().key())).hasSize(128);
	}

	@Test
	void theStreamGoesOnAfterBadInput() {
		submit("k", "garbage");
		submit("k", validComment("c-after"));

		assertThat(this.driver.deadLetters().getQueueSize()).isEqualTo(1);
		assertThat(utf8(this.driver.approved().readRecord().key())).isEqualTo("c-after");
	}

	@Test
	void aFailureInsideTheServiceDeadLettersTheRecordWithItsStackTraceAndTheStreamGoesOn() {
		this.driver.close();
		start((rules) -> (comment) -> {
			if (comment.commentId().equals("c-boom")) {
				throw new IllegalStateException("a bug");
			}
			return rules.apply(comment);
		});
		submit("k", validComment("c-boom"));
		submit("k", validComment("c-fine"));

		TestRecord<byte[], byte[]> dead = this.driver.deadLetters().readRecord();
		assertThat(header(dead, DeadLetterHeaders.ERROR_CODE)).isEqualTo("PROCESSING_FAILED");
		assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalStateException.class.getName());
		assertThat(header(dead, "kafka_dlt-exception-stacktrace")).contains("a bug");
		assertThat(utf8(this.driver.approved().readRecord().key())).isEqualTo("c-fine");
	}

	@Test
	void everyCommentGetsExactlyOneDecision() {
		for (int i = 0; i < 50; i++) {
			submit("k" + (i % 3), (i % 2 == 0) ? validComment("c-" + i)
					: validComment("c-" + i).replace("\"Jane Doe\"", "null"));
		}

		List<String> keys = new ArrayList<>();
		this.driver.approved().readKeyValuesToList().forEach(kv -> keys.add(utf8(kv.key)));
		this.driver.rejected().readKeyValuesToList().forEach(kv -> keys.add(utf8(kv.key)));
		assertThat(keys).hasSize(50).doesNotHaveDuplicates();
		assertThat(this.decidedIds).hasSize(50);
	}

	void submit(String key, String value) {
		this.driver.submit(key, value, NOW);
	}

	static String validComment(String commentId) {
		return """
				{ "commentId": "%s", "postId": "security-talks-geneva", "siteId": "example-news",
				  "parentId": null,
				  "author": { "name": "Jane Doe", "email": "jane@example.org", "url": "https://jane.example",
				              "ip": "203.0.113.7", "userAgent": "Mozilla/5.0" },
				  "content": "text of the comment",
				  "submittedAt": "2026-11-28T03:34:00Z", "formRenderedAt": "2026-11-28T03:33:10Z",
				  "honeypot": "" }""".formatted(commentId);
	}

}
