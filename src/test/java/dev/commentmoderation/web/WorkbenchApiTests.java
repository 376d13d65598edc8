package dev.commentmoderation.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.commentmoderation.EmbeddedKafkaConfiguration;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.KafkaClients;
import dev.commentmoderation.testing.SampleComments;
import dev.commentmoderation.testing.WorkbenchUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The workbench API of the whole service against a KRaft broker in this JVM, per role: who may read and write,
 * what a write publishes, and how a bad request or a missing credential is answered (RFC 9457 problem details).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "embedded.kafka.port=0", "spring.kafka.streams.application-id=workbench-api-test",
				"spring.kafka.streams.state-dir=${java.io.tmpdir}/workbench-api-test-${random.uuid}",
				"moderation.topics.partitions=2", "moderation.rules.held-terms=refund", WorkbenchUsers.USERS_FILE })
@Import(EmbeddedKafkaConfiguration.class)
class WorkbenchApiTests {

	static final String AUTHOR_ACTIONS = "comments.author-actions";

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	KafkaBroker broker;

	@Nested
	class WithoutCredentials {

		@Test
		void aReadIsRefusedWith401Problem() {
			HttpResponse<String> response = send("GET", "/api/v1/queue", null, null);
			assertThat(response.statusCode()).isEqualTo(401);
			assertProblem(response, 401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
					(challenge) -> assertThat(challenge).startsWith("Basic"));
		}

		@Test
		void aCorrectionsReadIsRefusedWith401Problem() {
			assertProblem(send("GET", "/api/v1/decided?outcome=APPROVED", null, null), 401);
		}

		@Test
		void aWriteIsRefusedWith401Problem() {
			HttpResponse<String> response = send("POST", "/api/v1/comments/c-1/verdict", null,
					"{\"decision\":\"APPROVED\"}");
			assertProblem(response, 401);
		}

		@Test
		void wrongPasswordIsRefusedWith401() {
			HttpResponse<String> response = send("GET", "/api/v1/queue", "Basic bW9kZXJhdG9yOndyb25n", null);
			assertProblem(response, 401);
		}

		@Test
		void theInternalEndpointsRefuseARequestWithoutThePeerSecret() {
			assertProblem(send("GET", "/internal/v1/held", null, null), 401);
		}

		@Test
		void theInternalEndpointsRefuseAModerator() {
			assertProblem(send("GET", "/internal/v1/held", WorkbenchUsers.basic(WorkbenchUsers.MODERATOR), null), 401);
		}

		@Test
		void healthAndPrometheusStayOpenToThePlatform() {
			assertThat(send("GET", "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
			assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(200);
			assertThat(send("GET", "/actuator/info", null, null).statusCode()).isEqualTo(200);
		}

		@Test
		void theModerationEndpointNeedsAViewer() {
			assertThat(send("GET", "/actuator/moderation", null, null).statusCode()).isEqualTo(401);
			assertThat(send("GET", "/actuator/moderation", WorkbenchUsers.basic(WorkbenchUsers.VIEWER), null)
				.statusCode()).isEqualTo(200);
		}

		@Test
		void healthDetailsAreShownToAViewerOnly() {
			assertThat(json.readTree(send("GET", "/actuator/health", null, null).body()).has("components")).isFalse();
			assertThat(json.readTree(send("GET", "/actuator/health", WorkbenchUsers.basic(WorkbenchUsers.VIEWER), null)
				.body()).has("components")).isTrue();
		}

	}

	@Nested
	class AsViewer {

		final String viewer = WorkbenchUsers.basic(WorkbenchUsers.VIEWER);

		@Test
		void aVerdictIsForbiddenWith403Problem() {
			HttpResponse<String> response = send("POST", "/api/v1/comments/c-1/verdict", this.viewer,
					"{\"decision\":\"APPROVED\"}");
			assertProblem(response, 403);
		}

		@Test
		void aBulkVerdictIsForbidden() {
			assertProblem(send("POST", "/api/v1/verdicts", this.viewer,
					"{\"commentIds\":[\"c-1\"],\"decision\":\"APPROVED\"}"), 403);
		}

		@Test
		void anAuthorActionIsForbidden() {
			assertProblem(send("POST", "/api/v1/authors/jane@example.org/actions", this.viewer,
					"{\"action\":\"TRUST\"}"), 403);
		}

	}

	@Nested
	class AsModerator {

		final String moderator = WorkbenchUsers.basic(WorkbenchUsers.MODERATOR);

		@Test
		void aVerdictIsPublishedWithTheAuthenticatedModeratorAndAnswered202() {
			String commentId = "api-verdict-" + System.nanoTime();
			Instant before = Instant.now();
			HttpResponse<String> response = send("POST", "/api/v1/comments/" + commentId + "/verdict", this.moderator,
					"{\"decision\":\"REJECTED\",\"spam\":false,\"note\":\"off topic\",\"moderator\":\"mallory\"}");

			assertThat(response.statusCode()).isEqualTo(202);
			JsonNode published = json.readTree(response.body()).get("published").get(0);
			assertThat(published.get("moderator").stringValue()).isEqualTo("moderator");

			JsonNode event = readOne("comments.reviewed", commentId);
			assertThat(event.get("commentId").stringValue()).isEqualTo(commentId);
			assertThat(event.get("decision").stringValue()).isEqualTo("REJECTED");
			assertThat(event.get("spam").booleanValue()).isFalse();
			assertThat(event.get("note").stringValue()).isEqualTo("off topic");
			assertThat(event.get("moderator").stringValue()).as("the caller cannot name another moderator")
				.isEqualTo("moderator");
			assertThat(Instant.parse(event.get("reviewedAt").stringValue())).isAfterOrEqualTo(before.minusSeconds(1));
		}

		@Test
		void aRejectionWithoutSpamIsPublishedAsSpam() {
			String commentId = "api-spam-" + System.nanoTime();
			assertThat(send("POST", "/api/v1/comments/" + commentId + "/verdict", this.moderator,
					"{\"decision\":\"REJECTED\"}").statusCode()).isEqualTo(202);
			assertThat(readOne("comments.reviewed", commentId).get("spam").booleanValue()).isTrue();
		}

		@Test
		void aBulkVerdictPublishesOneEventPerComment() {
			String prefix = "api-bulk-" + System.nanoTime() + "-";
			HttpResponse<String> response = send("POST", "/api/v1/verdicts", this.moderator,
					"{\"commentIds\":[\"" + prefix + "1\",\"" + prefix + "2\",\"" + prefix + "1\"],\"decision\":\"APPROVED\"}");
			assertThat(response.statusCode()).isEqualTo(202);
			assertThat(json.readTree(response.body()).get("published").size()).isEqualTo(2);
			assertThat(readOne("comments.reviewed", prefix + "1").get("decision").stringValue()).isEqualTo("APPROVED");
			assertThat(readOne("comments.reviewed", prefix + "2").get("decision").stringValue()).isEqualTo("APPROVED");
		}

		@Test
		void anAuthorActionIsPublishedKeyedByTheNormalizedEmail() {
			String email = "Jane." + System.nanoTime() + "@Example.ORG";
			String until = Instant.now().plus(Duration.ofDays(7)).toString();
			HttpResponse<String> response = send("POST", "/api/v1/authors/" + email + "/actions", this.moderator,
					"{\"action\":\"BAN\",\"until\":\"" + until + "\",\"note\":\"spam run\"}");
			assertThat(response.statusCode()).isEqualTo(202);

			JsonNode event = readOne(AUTHOR_ACTIONS, email.toLowerCase(java.util.Locale.ROOT));
			assertThat(event.get("email").stringValue()).isEqualTo(email.toLowerCase(java.util.Locale.ROOT));
			assertThat(event.get("action").stringValue()).isEqualTo("BAN");
			assertThat(Instant.parse(event.get("until").stringValue())).isEqualTo(Instant.parse(until));
			assertThat(event.get("moderator").stringValue()).isEqualTo("moderator");
			assertThat(event.has("at")).isTrue();
		}

		@Test
		void publishedVerdictsAreCountedByOutcome() {
			send("POST", "/api/v1/comments/api-metric-" + System.nanoTime() + "/verdict", this.moderator,
					"{\"decision\":\"REJECTED\",\"spam\":false}");
			assertThat(send("GET", "/actuator/prometheus", null, null).body())
				.containsPattern("moderation_workbench_verdicts_total\\{[^}]*outcome=\"rejected_not_spam\"[^}]*} [1-9]");
		}

		@Test
		void anUnknownDecisionIsA400Problem() {
			assertProblem(send("POST", "/api/v1/comments/c-1/verdict", this.moderator, "{\"decision\":\"MAYBE\"}"),
					400);
		}

		@Test
		void aMissingDecisionIsA400Problem() {
			assertProblem(send("POST", "/api/v1/comments/c-1/verdict", this.moderator, "{\"note\":\"x\"}"), 400);
		}

		@Test
		void anApprovedSpamIsA400Problem() {
			assertProblem(send("POST", "/api/v1/comments/c-1/verdict", this.moderator,
					"{\"decision\":\"APPROVED\",\"spam\":true}"), 400);
		}

		@Test
		void anEmptyBulkIsA400Problem() {
			assertProblem(send("POST", "/api/v1/verdicts", this.moderator,
					"{\"commentIds\":[],\"decision\":\"APPROVED\"}"), 400);
		}

		@Test
		void anUntilOnAnythingButABanIsA400Problem() {
			assertProblem(send("POST", "/api/v1/authors/jane@example.org/actions", this.moderator,
					"{\"action\":\"TRUST\",\"until\":\"2099-01-01T00:00:00Z\"}"), 400);
		}

		@Test
		void malformedJsonIsA400Problem() {
			assertProblem(send("POST", "/api/v1/comments/c-1/verdict", this.moderator, "{\"decision\":"), 400);
		}

		@Test
		void aPageSizeOverTheLimitIsA400Problem() {
			assertProblem(send("GET", "/api/v1/queue?size=100000", this.moderator, null), 400);
		}

	}

	@Nested
	class CorrectionsParameters {

		final String viewer = WorkbenchUsers.basic(WorkbenchUsers.VIEWER);

		@Test
		void anUnknownOutcomeIsA400Problem() {
			assertProblem(send("GET", "/api/v1/decided?outcome=HELD", this.viewer, null), 400);
		}

		@Test
		void aTimeRangeThatIsNoDurationIsA400Problem() {
			HttpResponse<String> response = send("GET", "/api/v1/decided?within=yesterday", this.viewer, null);
			assertProblem(response, 400);
			assertThat(json.readTree(response.body()).get("detail").stringValue()).contains("within");
		}

		@Test
		void aNegativeTimeRangeIsA400Problem() {
			assertProblem(send("GET", "/api/v1/decided?within=-PT1H", this.viewer, null), 400);
		}

		@Test
		void aPageSizeOverTheLimitIsA400Problem() {
			assertProblem(send("GET", "/api/v1/decided?size=101", this.viewer, null), 400);
		}

		@Test
		void aPageDeeperThanTheLimitIsA400Problem() {
			HttpResponse<String> response = send("GET", "/api/v1/decided?page=20&size=50", this.viewer, null);
			assertProblem(response, 400);
			assertThat(json.readTree(response.body()).get("detail").stringValue()).contains("1000");
		}

		@Test
		void aNegativePageIsA400Problem() {
			assertProblem(send("GET", "/api/v1/decided?page=-1", this.viewer, null), 400);
		}

	}

	@Nested
	class Corrections {

		final String viewer = WorkbenchUsers.basic(WorkbenchUsers.VIEWER);

		final String moderator = WorkbenchUsers.basic(WorkbenchUsers.MODERATOR);

		static int submitted;

		@Test
		void approvedCommentsOfASiteAreListedNewestFirstWhateverTheirIds() {
			String site = "site-" + System.nanoTime();
			long now = System.currentTimeMillis();
			// ids in the opposite order of their times: the store orders by id within a segment, the view by time
			publish(site, "z-oldest", now - 3000, "Thanks for the write-up, very clear.");
			publish(site, "m-middle", now - 2000, "Thanks for the write-up, very clear.");
			publish(site, "a-newest", now - 1000, "Thanks for the write-up, very clear.");

			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
					ids(decided("site=" + site + "&outcome=APPROVED")))
				.containsExactly("a-newest", "m-middle", "z-oldest"));
		}

		@Test
		void aPageCutsTheNewestAndSaysWhetherMoreFollow() {
			String site = "site-" + System.nanoTime();
			long now = System.currentTimeMillis();
			publish(site, "first", now - 2000, "Thanks for the write-up, very clear.");
			publish(site, "second", now - 1000, "Thanks for the write-up, very clear.");
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(ids(decided("site=" + site))).hasSize(2));

			JsonNode firstPage = decided("site=" + site + "&size=1");
			JsonNode secondPage = decided("site=" + site + "&size=1&page=1");
			assertThat(ids(firstPage)).containsExactly("second");
			assertThat(firstPage.get("more").booleanValue()).isTrue();
			assertThat(ids(secondPage)).containsExactly("first");
			assertThat(secondPage.get("more").booleanValue()).isFalse();
		}

		@Test
		void anotherSitesCommentsAreNotListed() {
			String site = "site-" + System.nanoTime();
			publish(site, "here", System.currentTimeMillis(), "Thanks for the write-up, very clear.");
			publish(site + "-other", "elsewhere", System.currentTimeMillis(), "Thanks for the write-up, very clear.");
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(ids(decided("site=" + site + "-other"))).containsExactly("elsewhere"));

			assertThat(ids(decided("site=" + site))).containsExactly("here");
		}

		@Test
		void anApprovedCommentTakenDownIsListedAsRejectedOnlyWithItsNewRevision() {
			String site = "site-" + System.nanoTime();
			publish(site, "taken-down", System.currentTimeMillis(), "Thanks for the write-up, very clear.");
			await().atMost(Duration.ofSeconds(60)).untilAsserted(
					() -> assertThat(ids(decided("site=" + site + "&outcome=APPROVED"))).containsExactly("taken-down"));

			assertThat(send("POST", "/api/v1/comments/" + site + "-taken-down/verdict", this.moderator,
					"{\"decision\":\"REJECTED\"}").statusCode()).isEqualTo(202);

			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				JsonNode rejected = decided("site=" + site + "&outcome=REJECTED");
				assertThat(ids(rejected)).containsExactly("taken-down");
				assertThat(rejected.get("comments").get(0).get("revision").intValue()).isEqualTo(2);
				assertThat(rejected.get("comments").get(0).get("decision").get("revision").intValue()).isEqualTo(2);
			});
			assertThat(ids(decided("site=" + site + "&outcome=APPROVED"))).isEmpty();
		}

		@Test
		void eachCommentCarriesItsDecisionEventAndAuthor() {
			String site = "site-" + System.nanoTime();
			publish(site, "one", System.currentTimeMillis(), "Thanks for the write-up, very clear.");
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(ids(decided("site=" + site))).containsExactly("one"));

			JsonNode item = decided("site=" + site).get("comments").get(0);
			assertThat(item.get("outcome").stringValue()).isEqualTo("APPROVED");
			assertThat(item.get("author").stringValue()).isEqualTo(site + "-one@example.org");
			assertThat(item.get("decision").get("comment").get("content").stringValue())
				.isEqualTo("Thanks for the write-up, very clear.");
		}

		/** Comment ids are prefixed with the site, so every test's are its own; ids(...) strips the prefix. */
		void publish(String site, String name, long timestamp, String content) {
			String commentId = site + "-" + name;
			try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(WorkbenchApiTests.this.broker.bootstrapServers())) {
				// an IP of its own: comments from one IP within the flood interval are rejected
				producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("comments.submitted", null,
						timestamp, commentId.getBytes(java.nio.charset.StandardCharsets.UTF_8),
						SampleComments.comment(commentId, site, "Ada", commentId + "@example.org",
								"192.0.2." + (++submitted % 250), content)));
			}
		}

		JsonNode decided(String query) {
			HttpResponse<String> response = send("GET", "/api/v1/decided?" + query, this.viewer, null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return json.readTree(response.body());
		}

		java.util.List<String> ids(JsonNode page) {
			java.util.List<String> ids = new java.util.ArrayList<>();
			page.get("comments").forEach((item) -> {
				String id = item.get("commentId").stringValue();
				ids.add(id.substring(item.get("siteId").stringValue().length() + 1));
			});
			return ids;
		}

	}

	@Nested
	class Reads {

		final String viewer = WorkbenchUsers.basic(WorkbenchUsers.VIEWER);

		static int held;

		@Test
		void aHeldCommentIsInTheQueueWithItsSiteCountAndReasons() {
			String commentId = hold();
			JsonNode queue = awaitInQueue(commentId);
			JsonNode item = itemOf(queue, commentId);
			assertThat(item.get("siteId").stringValue()).isEqualTo("example-news");
			assertThat(item.get("decision").get("decision").stringValue()).isEqualTo("HELD");
			assertThat(item.get("decision").get("reasons").get(0).get("code").stringValue()).isEqualTo("HELD_TERM");
			assertThat(queue.get("sites").get("example-news").longValue()).isPositive();
		}

		@Test
		void aCommentIsReadWithItsRevisions() {
			String commentId = hold();
			awaitInQueue(commentId);
			HttpResponse<String> response = send("GET", "/api/v1/comments/" + commentId, this.viewer, null);
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode comment = json.readTree(response.body());
			assertThat(comment.get("decision").stringValue()).isEqualTo("HELD");
			assertThat(comment.get("revisions").get(0).get("commentId").stringValue()).isEqualTo(commentId);
		}

		@Test
		void anUnknownCommentIsA404Problem() {
			// 503 until the stream runs
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertProblem(send("GET", "/api/v1/comments/never-submitted", this.viewer, null), 404));
		}

		@Test
		void anAuthorIsFoundWhateverTheCaseOfTheEmail() {
			String commentId = hold();
			awaitInQueue(commentId);
			HttpResponse<String> response = send("GET", "/api/v1/authors/%20" + commentId.toUpperCase(java.util.Locale.ROOT)
					+ "@EXAMPLE.org", this.viewer, null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(json.readTree(response.body()).get("author").stringValue()).isEqualTo(commentId + "@example.org");
		}

		@Test
		void aQueuePageOfAnotherSiteIsEmpty() {
			HttpResponse<String> response = send("GET", "/api/v1/queue?site=no-such-site", this.viewer, null);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(json.readTree(response.body()).get("comments").size()).isZero();
		}

		String hold() {
			String commentId = "held-" + System.nanoTime();
			try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(WorkbenchApiTests.this.broker.bootstrapServers())) {
				// an IP of its own: comments from one IP within the flood interval are rejected
				KafkaClients.send(producer, "comments.submitted", commentId, SampleComments.comment(commentId, "Ada",
						commentId + "@example.org", "198.51.100." + (++held % 250), "I want a refund"));
			}
			return commentId;
		}

		JsonNode awaitInQueue(String commentId) {
			JsonNode[] queue = new JsonNode[1];
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				HttpResponse<String> response = send("GET", "/api/v1/queue?size=500", this.viewer, null);
				assertThat(response.statusCode()).isEqualTo(200);
				queue[0] = json.readTree(response.body());
				assertThat(itemOf(queue[0], commentId)).isNotNull();
			});
			return queue[0];
		}

		JsonNode itemOf(JsonNode queue, String commentId) {
			for (JsonNode item : queue.get("comments")) {
				if (commentId.equals(item.get("commentId").stringValue())) {
					return item;
				}
			}
			return null;
		}

	}

	@Nested
	class Console {

		@Test
		void aFormPostWithoutCsrfTokenIsRefused() {
			HttpResponse<String> response = send("POST", "/console/api/v1/comments/c-1/verdict",
					WorkbenchUsers.basic(WorkbenchUsers.MODERATOR), "{\"decision\":\"APPROVED\"}");
			assertThat(response.statusCode()).isEqualTo(403);
		}

		@Test
		void theLoginFormPostWithoutCsrfTokenIsRefused() {
			HttpResponse<String> response = sendForm("/login", "username=moderator&password=moderator");
			assertThat(response.statusCode()).isEqualTo(403);
		}

		@Test
		void anAnonymousVisitorIsSentToTheLoginPage() {
			HttpResponse<String> response = send("GET", "/console/", null, null);
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
					(location) -> assertThat(location).endsWith("/login"));
		}

	}

	JsonNode readOne(String topic, String key) {
		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(), topic)) {
			List<ConsumerRecord<byte[], byte[]>> records = KafkaClients.readAtLeast(reader, 1, Duration.ofSeconds(30))
				.stream()
				.filter((record) -> key.equals(KafkaClients.utf8(record.key())))
				.toList();
			assertThat(records).as("events keyed " + key + " on " + topic).hasSize(1);
			return json.readTree(records.get(0).value());
		}
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").intValue()).isEqualTo(status);
		assertThat(problem.has("title")).isTrue();
		assertThat(Set.of(problem.propertyNames())).isNotEmpty();
	}

	HttpResponse<String> send(String method, String path, String authorization, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return exchange(request.build());
	}

	HttpResponse<String> sendForm(String path, String form) {
		return exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	static HttpResponse<String> exchange(HttpRequest request) {
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
