package dev.commentmoderation.policy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.commentmoderation.EmbeddedKafkaConfiguration;
import dev.commentmoderation.metrics.MicrometerModerationListener;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.Verdict;
import dev.commentmoderation.testing.WorkbenchUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The moderator view, /actuator/moderation, of the whole service (against a KRaft broker in this JVM) running a
 * policy file with two sites: what it shows of each site, the hits of the rules as comments are moderated, and the
 * refusal of an invalid file written over the running one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "embedded.kafka.port=0", "spring.kafka.streams.application-id=moderation-endpoint-test",
				"spring.kafka.streams.state-dir=${java.io.tmpdir}/moderation-endpoint-test-${random.uuid}",
				"moderation.topics.partitions=2", "moderation.policy.reload-interval=200ms",
				WorkbenchUsers.USERS_FILE })
@Import(EmbeddedKafkaConfiguration.class)
class ModerationEndpointTests {

	static final String POLICY = """
			defaults:
			  blocked-terms: [casino]
			  blocked-terms-file: blocked-terms.txt
			  held-terms: [refund]
			  flood-interval: 15s
			  hold-score: 4
			  reject-score: 8
			  rules:
			    LINK: {score: 1}
			    NEW_AUTHOR: {score: 2}
			sites:
			  kids:
			    max-links: 0
			    min-submit-time: 8s
			    extra-blocked-terms: [crypto giveaway]
			    extra-held-terms: [address, phone number]
			    hold-score: 2
			    reject-score: null
			    rules:
			      LINK: {score: 3}
			      TOO_MANY_LINKS: {action: REJECT}
			  news:
			    extra-spam-patterns: ['(?i)buy now']
			""";

	static final Path DIRECTORY = temporaryDirectory();

	static final Path FILE = DIRECTORY.resolve("moderation-policy.yaml");

	static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void policyFile(DynamicPropertyRegistry registry) throws IOException {
		Files.writeString(DIRECTORY.resolve("blocked-terms.txt"), "# two more\nfree money\nviagra\n");
		write(POLICY);
		registry.add("moderation.policy.file", FILE::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	ActivePolicy activePolicy;

	@Autowired
	MicrometerModerationListener listener;

	@Test
	void showsThePolicyInForceEachSitesSettingsAndOnlyTheCountOfItsTerms() throws IOException {
		String body = get("/actuator/moderation");
		Files.writeString(Path.of("target/moderation-endpoint.json"),
				json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(body)));
		JsonNode view = json.readTree(body);

		assertThat(view.path("version").stringValue()).isEqualTo(this.activePolicy.get().version()).hasSize(16);
		assertThat(view.path("file").stringValue()).isEqualTo(FILE.toString());
		assertThat(view.path("loadedAt").stringValue()).isEqualTo(this.activePolicy.get().loadedAt().toString());
		assertThat(view.path("termFiles").valueStream().map(JsonNode::stringValue))
			.containsExactly(DIRECTORY.resolve("blocked-terms.txt").toString());
		assertThat(view.path("reloadInterval").stringValue()).isEqualTo("200ms");
		assertThat(view.path("refusal").path("refused").booleanValue()).isFalse();
		assertThat(view.path("refusal").path("problems").isEmpty()).isTrue();
		assertThat(view.path("sites").propertyNames()).containsExactly("_default", "kids", "news");

		JsonNode defaults = view.path("sites").path("_default");
		JsonNode kids = view.path("sites").path("kids");
		JsonNode news = view.path("sites").path("news");
		assertThat(kids.path("limits").path("maxLinks").intValue()).isEqualTo(0);
		assertThat(news.path("limits").path("maxLinks").intValue()).isEqualTo(2);
		assertThat(kids.path("minSubmitTime").stringValue()).isEqualTo("8s");
		assertThat(news.path("minSubmitTime").stringValue()).isEqualTo("5s");
		assertThat(kids.path("holdScore").decimalValue()).isEqualByComparingTo("2");
		assertThat(kids.path("rejectScore").isNull()).as("scoring rejection off on kids").isTrue();
		assertThat(news.path("holdScore").decimalValue()).isEqualByComparingTo("4");
		assertThat(news.path("rejectScore").decimalValue()).isEqualByComparingTo("8");
		assertThat(kids.path("rules").path("LINK").path("score").decimalValue()).isEqualByComparingTo("3");
		assertThat(news.path("rules").path("LINK").path("score").decimalValue()).isEqualByComparingTo("1");
		assertThat(kids.path("rules").path("TOO_MANY_LINKS").path("action").stringValue()).isEqualTo("REJECT");
		assertThat(news.path("rules").path("TOO_MANY_LINKS").path("action").stringValue()).isEqualTo("HOLD");
		assertThat(news.path("spamPatterns").valueStream().map(JsonNode::stringValue))
			.containsExactly("(?i)\\[url=", "(?i)<a\\s[^>]*href", "(?i)buy now");
		assertThat(kids.path("spamPatterns")).isEqualTo(defaults.path("spamPatterns")).hasSize(2);
		assertThat(news.path("floodInterval").stringValue()).isEqualTo("15s");
		assertThat(news.path("trustedAuthorMinApproved").intValue()).isEqualTo(1);

		assertThat(defaults.path("blockedTermCount").intValue()).as("casino, free money, viagra").isEqualTo(3);
		assertThat(kids.path("blockedTermCount").intValue()).isEqualTo(4);
		assertThat(news.path("blockedTermCount").intValue()).isEqualTo(3);
		assertThat(kids.path("heldTermCount").intValue()).isEqualTo(3);
		assertThat(news.path("heldTermCount").intValue()).isEqualTo(1);
		assertThat(body).as("terms are counted, never shown")
			.doesNotContain("casino", "free money", "viagra", "crypto", "refund", "phone number");

		assertThat(news.path("rules").propertyNames()).as("every rule, in reason code order")
			.containsExactly(List.of(ReasonCode.values()).stream().map(Enum::name).toArray(String[]::new));
		assertThat(get("/actuator/moderation")).as("deterministic").isEqualTo(body);
	}

	@Test
	void hitsOfARuleRiseOnTheSiteWhoseCommentsItFiredOn() {
		long kidsBefore = hits("kids", "LINK");
		long newsBefore = hits("news", "LINK");
		Verdict held = kids().decisionRules().actions()
			.decide(List.of(new Reason(ReasonCode.LINK, "content", "The comment has a link.")), false);
		assertThat(held.decision()).as("LINK scores 3 on kids, its hold-score is 2").isEqualTo(Decision.HELD);

		this.listener.decided("c-1", "kids", held, Duration.ofMillis(1));
		this.listener.decided("c-2", "kids", held, Duration.ofMillis(1));

		assertThat(hits("kids", "LINK")).isEqualTo(kidsBefore + 2);
		assertThat(hits("news", "LINK")).isEqualTo(newsBefore);
		assertThat(get("/actuator/prometheus")).contains(
				"moderation_rule_hits_total{application=\"comment-moderation\",rule=\"LINK\",site=\"kids\"} "
						+ (kidsBefore + 2) + ".0");
	}

	@Test
	void showsTheRefusalWhileTheFileOnDiskIsInvalidAndThePreviousPolicyRuns() throws IOException {
		String running = this.activePolicy.get().version();
		write(POLICY.replace("max-links: 0", "max-links: -1").replace("hold-score: 2", "hold-score: 9"));
		try {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				JsonNode refusal = json.readTree(get("/actuator/moderation")).path("refusal");
				assertThat(refusal.path("refused").booleanValue()).isTrue();
				assertThat(refusal.path("problems").valueStream().map(JsonNode::stringValue))
					.anyMatch(problem -> problem.startsWith("sites.kids.max-links"));
			});
			JsonNode view = json.readTree(get("/actuator/moderation"));
			assertThat(view.path("version").stringValue()).as("the previous policy keeps running").isEqualTo(running);
			assertThat(view.path("sites").path("kids").path("limits").path("maxLinks").intValue()).isEqualTo(0);
			assertThat(get("/actuator/prometheus"))
				.contains("moderation_policy_refused{application=\"comment-moderation\"} 1.0")
				.containsPattern("moderation_policy_reloads_total\\{application=\"comment-moderation\",outcome=\"refused\"} [1-9]");
		}
		finally {
			write(POLICY);
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				json.readTree(get("/actuator/moderation")).path("refusal").path("refused").booleanValue())
			.isFalse());
		assertThat(this.activePolicy.get().version()).as("the same file back: the same policy").isEqualTo(running);
	}

	private long hits(String site, String rule) {
		return json.readTree(get("/actuator/moderation")).path("sites").path(site).path("rules").path(rule)
			.path("hits").longValue();
	}

	private SitePolicy kids() {
		return this.activePolicy.get().sites().get("kids");
	}

	private static void write(String content) throws IOException {
		// as editors and the kubelet do: never a half-written file
		Path next = Files.writeString(DIRECTORY.resolve(".next.yaml"), content);
		Files.move(next, FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private String get(String path) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					// the moderation endpoint needs VIEWER
					.header("Authorization", WorkbenchUsers.basic(WorkbenchUsers.VIEWER))
					.build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return response.body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("moderation-endpoint");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
