package dev.commentmoderation.stream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.stage.*;
import dev.commentmoderation.contract.ContractSchemas;
import dev.commentmoderation.policy.ActivePolicy;
import dev.commentmoderation.policy.Policy;
import dev.commentmoderation.policy.PolicyLoader;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;
import dev.commentmoderation.rules.Verdict;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The topology under a policy file: per-site rules, scores and versions in decisions, and reloads. */
class PolicyTopologyTests {

	static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final PolicyLoader LOADER = new PolicyLoader(
			new PolicyLoader.Base(RuleSettings.DEFAULTS,
					DecisionRules.of(RuleActions.DEFAULTS, StatefulSettings.DEFAULTS)),
			Duration.ofHours(1), Clock.fixed(T0, ZoneOffset.UTC));

	static final String V1 = """
			defaults:
			  flood-interval: 0s
			  hold-score: 3
			  rules: {LINK: {score: 1}, NEW_AUTHOR: {score: 2}}
			sites:
			  kids:
			    blocked-terms: [stupid]
			    max-links: 0
			""";

	static final String V2 = """
			defaults:
			  flood-interval: 0s
			  blocked-terms: [casino]
			""";

	final ActivePolicy policy = new ActivePolicy(parse(V1));

	final List<String> sites = new ArrayList<>();

	/** Runs after the first stage read a comment: lets a test reload the policy while the comment is in flight. */
	final AtomicReference<Runnable> afterFirstStage = new AtomicReference<>(() -> {
	});

	TopologyTestDriver driver;

	TestInputTopic<byte[], byte[]> submitted;

	TestOutputTopic<byte[], byte[]> approved;

	TestOutputTopic<byte[], byte[]> rejected;

	TestOutputTopic<byte[], byte[]> held;

	@BeforeEach
	void start() {
		StreamsBuilder builder = new StreamsBuilder();
		CommentRules rules = CommentRules.of(this.policy);
		CommentRules inFlight = comment -> {
			CommentRules.Applied applied = rules.apply(comment);
			this.afterFirstStage.get().run();
			return applied;
		};
		ModerationListener listener = new ModerationListener() {
			@Override
			public void decided(String commentId, String site, Verdict verdict, Duration processingTime) {
				sites.add(commentId + " " + site);
			}
		};
		new ModerationTopology(new ModerationTopology.Topics("in", "ok", "no", "dlt", "held", "reviewed", "author-actions", "model", 2), inFlight,
				StatefulSettings.DEFAULTS, Duration.ofHours(1), listener, Clock.fixed(T0, ZoneOffset.UTC))
			.addTo(builder);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "policy-topology-tests");
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.STATE_DIR_CONFIG,
				System.getProperty("java.io.tmpdir") + "/policy-topology-tests-" + System.nanoTime());
		this.driver = new TopologyTestDriver(builder.build(), config, T0);
		this.submitted = this.driver.createInputTopic("in", new ByteArraySerializer(), new ByteArraySerializer());
		this.approved = output("ok");
		this.rejected = output("no");
		this.held = output("held");
	}

	@AfterEach
	void close() {
		this.driver.close();
	}

	@Test
	void eachSiteIsModeratedByItsOwnRulesAndOtherSitesByTheDefaults() {
		submit("c-1", "kids", "jane@example.org", "That is stupid.");
		submit("c-2", "news", "sam@example.org", "That is stupid.");

		assertThat(codes(this.rejected.readValue())).containsExactly("BLOCKED_TERM", "NEW_AUTHOR");
		assertThat(JSON.readTree(this.approved.readValue()).get("commentId").stringValue()).isEqualTo("c-2");
		assertThat(this.sites).containsExactly("c-1 kids", "c-2 _default");
	}

	@Test
	void weakSignalsAddUpAndTheDecisionListsEveryRuleWithItsScoreAndTheTotal() {
		submit("c-1", "news", "jane@example.org", "Details at https://example.org/talk");

		JsonNode decision = JSON.readTree(this.held.readValue());
		assertThat(codes(decision)).containsExactly("LINK", "NEW_AUTHOR");
		assertThat(decision.at("/score/total").decimalValue()).isEqualByComparingTo("3");
		assertThat(decision.at("/score/holdAt").decimalValue()).isEqualByComparingTo("3");
		assertThat(decision.at("/score/rules/0/code").stringValue()).isEqualTo("LINK");
		assertThat(decision.at("/score/rules/1/score").decimalValue()).isEqualByComparingTo("2");
		ContractSchemas.assertValidDecision(JSON.writeValueAsBytes(decision));
	}

	@Test
	void anApprovedCommentListsTheRulesThatFiredInItsScoreButNoReasons() {
		submit("c-1", "news", "jane@example.org", "First comment, no links.");

		JsonNode decision = JSON.readTree(this.approved.readValue());
		assertThat(decision.get("reasons").isEmpty()).isTrue();
		assertThat(decision.at("/score/rules/0/code").stringValue()).isEqualTo("NEW_AUTHOR");
		assertThat(decision.at("/score/total").decimalValue()).isEqualByComparingTo("2");
	}

	@Test
	void everyDecisionCarriesTheVersionOfThePolicyThatMadeIt() {
		String v1 = this.policy.get().version();
		submit("c-1", "news", "jane@example.org", "Nice casino.");
		this.policy.replace(parse(V2));
		submit("c-2", "news", "sam@example.org", "Nice casino.");

		assertThat(version(this.approved.readValue())).isEqualTo(v1);
		JsonNode second = JSON.readTree(this.rejected.readValue());
		assertThat(second.get("policyVersion").stringValue()).isEqualTo(this.policy.get().version()).isNotEqualTo(v1);
		assertThat(codes(second)).containsExactly("BLOCKED_TERM");
	}

	@Test
	void aReloadWhileACommentIsBetweenStagesDoesNotMixTwoPoliciesInItsDecision() {
		String v1 = this.policy.get().version();
		this.afterFirstStage.set(() -> this.policy.replace(parse(V2)));
		submit("c-1", "news", "jane@example.org", "Details at https://example.org/talk");

		// read under V1: its stateless reasons AND its author-stage rules (NEW_AUTHOR scored, hold-score 3) are V1's
		JsonNode decision = JSON.readTree(this.held.readValue());
		assertThat(decision.get("policyVersion").stringValue()).isEqualTo(v1);
		assertThat(codes(decision)).containsExactly("LINK", "NEW_AUTHOR");
	}

	@Test
	void aHeldCommentsFinalDecisionCarriesTheVersionAndScoreItWasHeldWith() {
		String v1 = this.policy.get().version();
		submit("c-1", "news", "jane@example.org", "Details at https://example.org/talk");
		this.held.readValue();
		this.policy.replace(parse(V2));
		TestInputTopic<byte[], byte[]> reviews = this.driver.createInputTopic("reviewed", new ByteArraySerializer(),
				new ByteArraySerializer());
		reviews.pipeInput(new TestRecord<>(bytes("k"),
				bytes("{\"commentId\":\"c-1\",\"decision\":\"APPROVED\",\"moderator\":\"mod\"}"), new RecordHeaders(),
				T0.plusSeconds(60)));

		JsonNode decision = JSON.readTree(this.approved.readValue());
		assertThat(decision.get("policyVersion").stringValue()).isEqualTo(v1);
		assertThat(decision.at("/score/total").decimalValue()).isEqualByComparingTo("3");
		ContractSchemas.assertValidDecision(JSON.writeValueAsBytes(decision));
	}

	private static Policy parse(String yaml) {
		return LOADER.parse(yaml.getBytes(StandardCharsets.UTF_8), Path.of("policy.yaml"));
	}

	private void submit(String commentId, String siteId, String email, String content) {
		String value = """
				{"commentId":"%s","postId":"p","siteId":"%s","author":{"name":"Jane","email":"%s"},"content":"%s"}"""
			.formatted(commentId, siteId, email, content);
		this.submitted.pipeInput(new TestRecord<>(bytes(commentId), bytes(value), new RecordHeaders(), T0));
	}

	private TestOutputTopic<byte[], byte[]> output(String topic) {
		return this.driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private static String version(byte[] decision) {
		return JSON.readTree(decision).get("policyVersion").stringValue();
	}

	private static List<String> codes(byte[] decision) {
		return codes(JSON.readTree(decision));
	}

	private static List<String> codes(JsonNode decision) {
		List<String> codes = new ArrayList<>();
		decision.get("reasons").forEach(reason -> codes.add(reason.get("code").stringValue()));
		return codes;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
