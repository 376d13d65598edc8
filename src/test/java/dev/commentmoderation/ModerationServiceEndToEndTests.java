package dev.commentmoderation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.commentmoderation.contract.ContractSchemas;
import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.KafkaClients;
import dev.commentmoderation.testing.SampleComments;
import dev.commentmoderation.testing.WorkbenchUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service, booted as in production, against a real Kafka broker: comments in, exactly one committed
 * decision per comment out, bad records on the dead-letter topic, and what moderators and ops see over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "embedded.kafka.port=0", "moderation.rules.blocked-terms=casino",
				"spring.kafka.streams.state-dir=${java.io.tmpdir}/e2e-${random.uuid}",
				"logging.level.dev.commentmoderation=DEBUG", WorkbenchUsers.USERS_FILE })
@Import(EmbeddedKafkaConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class ModerationServiceEndToEndTests {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	KafkaBroker broker;

	@LocalServerPort
	int port;

	@Test
	void everyCommentGetsExactlyOneCommittedDecisionAndBadRecordsAreDeadLettered(CapturedOutput output) {
		int comments = 300;
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			for (int i = 0; i < comments; i++) {
				// a different author and IP each, so that no comment is a flood or a duplicate of another
				String ip = "198.51." + (i / 250) + "." + (i % 250);
				byte[] value = switch (i % 3) {
					case 0 -> SampleComments.comment("c-" + i, "Jane Doe", "jane" + i + "@example.org", ip,
							"Thanks for the write-up, very clear.");
					case 1 -> SampleComments.withoutEmail("c-" + i);
					default -> SampleComments.comment("c-" + i, "Jane Doe", "jane" + i + "@example.org", ip,
							"Try the casino at casino.example");
				};
				KafkaClients.send(producer, "comments.submitted", "post-" + (i % 7), value);
				if (i % 100 == 0) {
					KafkaClients.send(producer, "comments.submitted", "bad-" + i,
							"{\"commentId\": 42}".getBytes(StandardCharsets.UTF_8));
				}
			}
			producer.flush();
		}

		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
				"comments.approved", "comments.rejected", "comments.submitted.DLT")) {
			List<ConsumerRecord<byte[], byte[]>> records = KafkaClients.readAtLeast(reader, comments + 3,
					Duration.ofSeconds(60));

			Map<String, Integer> decisionsPerComment = new HashMap<>();
			int approved = 0;
			int deadLetters = 0;
			for (ConsumerRecord<byte[], byte[]> record : records) {
				if (record.topic().equals("comments.submitted.DLT")) {
					deadLetters++;
					assertThat(KafkaClients.utf8(record.headers().lastHeader(DeadLetterHeaders.ERROR_CODE).value()))
						.isEqualTo("COMMENT_ID_NOT_A_STRING");
					continue;
				}
				ContractSchemas.assertValidDecision(record.value());
				JsonNode decision = json.readTree(record.value());
				String commentId = decision.get("commentId").stringValue();
				assertThat(KafkaClients.utf8(record.key())).isEqualTo(commentId);
				assertThat(decision.get("decision").stringValue())
					.isEqualTo(record.topic().equals("comments.approved") ? "APPROVED" : "REJECTED");
				decisionsPerComment.merge(commentId, 1, Integer::sum);
				if (record.topic().equals("comments.approved")) {
					approved++;
				}
			}
			assertThat(decisionsPerComment).hasSize(comments);
			assertThat(decisionsPerComment.values()).allMatch(count -> count == 1);
			assertThat(approved).isEqualTo(comments / 3);
			assertThat(deadLetters).isEqualTo(3);
		}

		// held for too many links, then approved by a moderator on comments.reviewed
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			for (int i = 0; i < 3; i++) {
				KafkaClients.send(producer, "comments.submitted", "held-" + i, SampleComments.comment("held-" + i,
						"Harry", "harry" + i + "@example.com", "192.0.2." + i,
						"Links: http://a.example http://b.example http://c.example"));
			}
			producer.flush();
		}
		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
				"comments.held")) {
			List<ConsumerRecord<byte[], byte[]>> held = KafkaClients.readAtLeast(reader, 3, Duration.ofSeconds(60));
			assertThat(held).hasSize(3);
			held.forEach(record -> ContractSchemas.assertValidDecision(record.value()));
		}
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			for (int i = 0; i < 3; i++) {
				KafkaClients.send(producer, "comments.reviewed", "held-" + i,
						("{\"commentId\":\"held-" + i + "\",\"decision\":\"APPROVED\",\"moderator\":\"anna\"}")
							.getBytes(StandardCharsets.UTF_8));
			}
			producer.flush();
		}
		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
				"comments.approved")) {
			List<ConsumerRecord<byte[], byte[]>> approved = KafkaClients.readAtLeast(reader, comments / 3 + 3,
					Duration.ofSeconds(60));
			List<JsonNode> reviewed = approved.stream()
				.map(record -> json.readTree(record.value()))
				.filter(decision -> decision.get("commentId").stringValue().startsWith("held-"))
				.toList();
			assertThat(reviewed).hasSize(3).allSatisfy(decision -> {
				assertThat(decision.get("review").get("moderator").stringValue()).isEqualTo("anna");
				assertThat(decision.get("reasons").get(1).get("code").stringValue()).isEqualTo("MODERATOR_APPROVED");
			});
			approved.forEach(record -> ContractSchemas.assertValidDecision(record.value()));
		}

		String prometheus = get("/actuator/prometheus");
		assertThat(prometheus).contains("moderation_comments_total{application=\"comment-moderation\",decision=\"APPROVED\"} 100.0")
			.contains("moderation_rejections_total{application=\"comment-moderation\",reason=\"EMAIL_REQUIRED\"} 100.0")
			.contains("moderation_rejections_total{application=\"comment-moderation\",reason=\"BLOCKED_TERM\"} 100.0")
			.contains("moderation_dead_letters_total{application=\"comment-moderation\",error=\"COMMENT_ID_NOT_A_STRING\"} 3.0")
			.contains("moderation_processing_seconds_count")
			.contains("moderation_comments_total{application=\"comment-moderation\",decision=\"HELD\"} 3.0")
			.contains("moderation_holds_total{application=\"comment-moderation\",reason=\"TOO_MANY_LINKS\"} 3.0")
			.contains("moderation_reviews_total{application=\"comment-moderation\",decision=\"APPROVED\",outcome=\"moderator\"} 3.0")
			.contains("moderation_review_turnaround_seconds_count{application=\"comment-moderation\"} 3")
			.contains("kafka_consumer_fetch_manager_records_lag_max");

		assertThat(output).contains("c-1").doesNotContain("@example.org").doesNotContain("198.51.")
			.doesNotContain("Thanks for the write-up").doesNotContain("Try the casino");
	}

	@Test
	void readinessIsUpOnceTheStreamRuns() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(get("/actuator/health/readiness")).contains("\"status\":\"UP\"");
		});
		assertThat(get("/actuator/health/liveness")).contains("\"status\":\"UP\"");
	}

	@Test
	void actuatorExposesOnlyHealthInfoMetricsPrometheusAndModeration() {
		JsonNode links = json.readTree(get("/actuator")).get("_links");
		assertThat(links.propertyNames()).containsExactlyInAnyOrder("self", "health", "health-path", "info",
				"metrics", "metrics-requiredMetricName", "prometheus", "moderation");
		assertThat(status("/actuator/moderation")).isEqualTo(200);
		for (String hidden : List.of("env", "beans", "configprops", "heapdump", "threaddump", "loggers", "mappings",
				"shutdown", "kafkastreamstopology")) {
			assertThat(status("/actuator/" + hidden)).as(hidden).isEqualTo(404);
		}
	}

	String get(String path) {
		return request(path, HttpResponse.BodyHandlers.ofString()).body();
	}

	int status(String path) {
		return request(path, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	<T> HttpResponse<T> request(String path, HttpResponse.BodyHandler<T> handler) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					// actuator endpoints other than health, info and prometheus need VIEWER
					.header("Authorization", WorkbenchUsers.basic(WorkbenchUsers.VIEWER))
					.build(), handler);
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
