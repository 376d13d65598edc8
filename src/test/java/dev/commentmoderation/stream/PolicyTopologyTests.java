package dev.commentmoderation.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.commentmoderation.contract.ContractSchemas;
import dev.commentmoderation.rules.Verdict;
import dev.commentmoderation.stage.CommentRules;
import dev.commentmoderation.testing.ModerationTopologyDriver;

import static dev.commentmoderation.testing.ModerationTopologyDriver.json;
import static dev.commentmoderation.testing.ModerationTopologyDriver.reasonCodes;
import static org.assertj.core.api.Assertions.assertThat;

/** The topology under a policy file: per-site rules, scores and versions in decisions, and reloads. */
class PolicyTopologyTests {

	static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

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

	final List<String> sites = new ArrayList<>();

	/** Runs after the first stage read a comment: lets a test reload the policy while the comment is in flight. */
	final AtomicReference<Runnable> afterFirstStage = new AtomicReference<>(() -> {
	});

	ModerationTopologyDriver driver;

	@BeforeEach
	void start() {
		ModerationListener listener = new ModerationListener() {
			@Override
			public void decided(String commentId, String site, Verdict verdict, Duration processingTime) {
				sites.add(commentId + " " + site);
			}
		};
		this.driver = ModerationTopologyDriver.with()
			.policyFile(V1)
			.aroundRules((rules) -> (comment) -> {
				CommentRules.Applied applied = rules.apply(comment);
				this.afterFirstStage.get().run();
				return applied;
			})
			.listener(listener)
			.at(T0)
			.start();
	}

	@AfterEach
	void close() {
		this.driver.close();
	}

	@Test
	void eachSiteIsModeratedByItsOwnRulesAndOtherSitesByTheDefaults() {
		submit("c-1", "kids", "jane@example.org", "That is stupid.");
		submit("c-2", "news", "sam@example.org", "That is stupid.");

		assertThat(reasonCodes(this.driver.rejected().readValue())).containsExactly("BLOCKED_TERM", "NEW_AUTHOR");
		assertThat(json(this.driver.approved().readValue()).get("commentId").stringValue()).isEqualTo("c-2");
		assertThat(this.sites).containsExactly("c-1 kids", "c-2 _default");
	}

	@Test
	void weakSignalsAddUpAndTheDecisionListsEveryRuleWithItsScoreAndTheTotal() {
		submit("c-1", "news", "jane@example.org", "Details at https://example.org/talk");

		byte[] held = this.driver.held().readValue();
		JsonNode decision = json(held);
		assertThat(reasonCodes(decision)).containsExactly("LINK", "NEW_AUTHOR");
		assertThat(decision.at("/score/total").decimalValue()).isEqualByComparingTo("3");
		assertThat(decision.at("/score/holdAt").decimalValue()).isEqualByComparingTo("3");
		assertThat(decision.at("/score/rules/0/code").stringValue()).isEqualTo("LINK");
		assertThat(decision.at("/score/rules/1/score").decimalValue()).isEqualByComparingTo("2");
		ContractSchemas.assertValidDecision(held);
	}

	@Test
	void anApprovedCommentListsTheRulesThatFiredInItsScoreButNoReasons() {
		submit("c-1", "news", "jane@example.org", "First comment, no links.");

		JsonNode decision = json(this.driver.approved().readValue());
		assertThat(decision.get("reasons").isEmpty()).isTrue();
		assertThat(decision.at("/score/rules/0/code").stringValue()).isEqualTo("NEW_AUTHOR");
		assertThat(decision.at("/score/total").decimalValue()).isEqualByComparingTo("2");
	}

	@Test
	void everyDecisionCarriesTheVersionOfThePolicyThatMadeIt() {
		String v1 = this.driver.policy().get().version();
		submit("c-1", "news", "jane@example.org", "Nice casino.");
		this.driver.reloadPolicy(V2);
		submit("c-2", "news", "sam@example.org", "Nice casino.");

		assertThat(version(this.driver.approved().readValue())).isEqualTo(v1);
		JsonNode second = json(this.driver.rejected().readValue());
		assertThat(second.get("policyVersion").stringValue()).isEqualTo(this.driver.policy().get().version())
			.isNotEqualTo(v1);
		assertThat(reasonCodes(second)).containsExactly("BLOCKED_TERM");
	}

	@Test
	void aReloadWhileACommentIsBetweenStagesDoesNotMixTwoPoliciesInItsDecision() {
		String v1 = this.driver.policy().get().version();
		this.afterFirstStage.set(() -> this.driver.reloadPolicy(V2));
		submit("c-1", "news", "jane@example.org", "Details at https://example.org/talk");

		assertThat(this.driver.policy().get().version()).as("reloaded while c-1 was in flight").isNotEqualTo(v1);
		// read under V1: its stateless reasons AND its author-stage rules (NEW_AUTHOR scored, hold-score 3) are V1's
		JsonNode decision = json(this.driver.held().readValue());
		assertThat(decision.get("policyVersion").stringValue()).isEqualTo(v1);
		assertThat(reasonCodes(decision)).containsExactly("LINK", "NEW_AUTHOR");
	}

	@Test
	void aHeldCommentsFinalDecisionCarriesTheVersionAndScoreItWasHeldWith() {
		String v1 = this.driver.policy().get().version();
		submit("c-1", "news", "jane@example.org", "Details at https://example.org/talk");
		this.driver.held().readValue();
		this.driver.reloadPolicy(V2);
		this.driver.review("k", "{\"commentId\":\"c-1\",\"decision\":\"APPROVED\",\"moderator\":\"mod\"}",
				T0.plusSeconds(60));

		byte[] approved = this.driver.approved().readValue();
		JsonNode decision = json(approved);
		assertThat(decision.get("policyVersion").stringValue()).isEqualTo(v1);
		assertThat(decision.at("/score/total").decimalValue()).isEqualByComparingTo("3");
		ContractSchemas.assertValidDecision(approved);
	}

	private void submit(String commentId, String siteId, String email, String content) {
		String value = """
				{"commentId":"%s","postId":"p","siteId":"%s","author":{"name":"Jane","email":"%s"},"content":"%s"}"""
			.formatted(commentId, siteId, email, content);
		this.driver.submit(commentId, value, T0);
	}

	private static String version(byte[] decision) {
		return json(decision).get("policyVersion").stringValue();
	}

}
