package dev.commentmoderation.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.commentmoderation.CommentModerationApplication;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.KafkaClients;
import dev.commentmoderation.testing.SampleComments;
import dev.commentmoderation.testing.WorkbenchUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service in one group (each with its own {@code application.server} and the shared peer
 * secret) against a KRaft broker in this JVM: either instance answers the whole queue, by fanning out to the
 * other's internal endpoint, and routes a comment read to the instance that owns it.
 */
class WorkbenchFanOutTests {

	static final String SECRET = "peer-" + UUID.randomUUID();

	static final JsonMapper json = JsonMapper.builder().build();

	static KafkaBroker broker;

	static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	static final List<Integer> ports = new ArrayList<>();

	@BeforeAll
	static void startTwoInstances() throws Exception {
		broker = new KafkaBroker(0).start();
		for (int i = 0; i < 2; i++) {
			int port = KafkaBroker.freePort();
			ports.add(port);
			instances.add(new SpringApplicationBuilder(CommentModerationApplication.class).run(
					"--server.port=" + port, "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
					"--spring.kafka.streams.application-id=workbench-fan-out-test",
					"--spring.kafka.streams.state-dir=" + Files.createTempDirectory("fan-out-" + i),
					"--spring.kafka.streams.properties.application.server=localhost:" + port,
					"--spring.kafka.streams.properties.num.stream.threads=1",
					"--moderation.workbench.peer-secret=" + SECRET, "--moderation.topics.create=true",
					"--moderation.topics.replication-factor=1", "--moderation.topics.partitions=4",
					"--moderation.rules.held-terms=refund", "--" + WorkbenchUsers.USERS_FILE,
					"--spring.main.banner-mode=off"));
		}
	}

	@AfterAll
	static void stop() {
		instances.forEach(ConfigurableApplicationContext::close);
		if (broker != null) {
			broker.close();
		}
	}

	@Test
	void eitherInstanceAnswersTheWholeQueueAndRoutesCommentReads() {
		Set<String> held = new TreeSet<>();
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(broker.bootstrapServers())) {
			for (int i = 0; i < 12; i++) {
				String commentId = "fan-out-" + i;
				held.add(commentId);
				KafkaClients.send(producer, "comments.submitted", commentId, SampleComments.comment(commentId, "Ada",
						commentId + "@example.org", "198.51.100." + (i + 1), "I want a refund"));
			}
		}

		for (int port : ports) {
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				HttpResponse<String> response = get(port, "/api/v1/queue?size=500");
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				Set<String> ids = new TreeSet<>();
				json.readTree(response.body()).get("comments").forEach((c) -> ids.add(c.get("commentId").stringValue()));
				assertThat(ids).as("queue of the instance on " + port).isEqualTo(held);
			});
		}
		Set<String> owners = new TreeSet<>();
		for (int port : ports) {
			for (String commentId : held) {
				HttpResponse<String> response = get(port, "/api/v1/comments/" + commentId);
				assertThat(response.statusCode()).as(commentId + " from " + port + ": " + response.body()).isEqualTo(200);
				JsonNode comment = json.readTree(response.body());
				assertThat(comment.get("decision").stringValue()).isEqualTo("HELD");
			}
		}
		// both instances own partitions: the answers above crossed between them
		for (int port : ports) {
			HttpResponse<String> local = WorkbenchApiTests.exchange(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/internal/v1/held"))
				.header(WorkbenchSettings.PEER_SECRET_HEADER, SECRET)
				.build());
			assertThat(local.statusCode()).isEqualTo(200);
			if (json.readTree(local.body()).get("partitions").size() > 0) {
				owners.add(String.valueOf(port));
			}
		}
		assertThat(owners).hasSize(2);
	}

	@Test
	void eitherInstanceAnswersTheWholeCorrectionsViewOfASite() {
		String site = "fan-out-site-" + System.nanoTime();
		List<String> approved = new ArrayList<>();
		long now = System.currentTimeMillis();
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(broker.bootstrapServers())) {
			for (int i = 0; i < 8; i++) {
				String commentId = site + "-" + i;
				// 0 is the oldest: newest first is 7 .. 0
				approved.add(0, commentId);
				producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("comments.submitted", null,
						now - 10_000 + i * 100L, commentId.getBytes(java.nio.charset.StandardCharsets.UTF_8),
						SampleComments.comment(commentId, site, "Ada", commentId + "@example.org",
								"203.0.113." + (i + 1), "Thanks for the write-up, very clear.")));
			}
		}

		for (int port : ports) {
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				HttpResponse<String> response = get(port, "/api/v1/decided?outcome=APPROVED&site=" + site);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				List<String> ids = new ArrayList<>();
				json.readTree(response.body()).get("comments").forEach((c) -> ids.add(c.get("commentId").stringValue()));
				assertThat(ids).as("corrections view of the instance on " + port).isEqualTo(approved);
			});
		}
	}

	@Test
	void theInternalEndpointsRefuseAWrongSecret() {
		HttpResponse<String> response = WorkbenchApiTests.exchange(HttpRequest
			.newBuilder(URI.create("http://localhost:" + ports.get(0) + "/internal/v1/held"))
			.header(WorkbenchSettings.PEER_SECRET_HEADER, SECRET + "x")
			.build());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	static HttpResponse<String> get(int port, String path) {
		return WorkbenchApiTests.exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", WorkbenchUsers.basic(WorkbenchUsers.VIEWER))
			.build());
	}

}
