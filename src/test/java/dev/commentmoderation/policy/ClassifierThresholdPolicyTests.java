package dev.commentmoderation.policy;

import org.junit.jupiter.api.Test;

import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spam classifier's per-site settings in a policy: thresholds inherited like any setting, and its action. */
class ClassifierThresholdPolicyTests {

	static final Policy POLICY = Policies.parse("""
			defaults:
			  classifier-hold-at: 0.9
			sites:
			  strict:
			    classifier-hold-at: 0.6
			    classifier-reject-at: 0.8
			  scoring:
			    rules:
			      SPAM_CLASSIFIER: {action: SCORE, score: 3}
			  service:
			    classifier-hold-at: null
			""");

	@Test
	void aSiteInheritsOrOverridesTheClassifierThresholds() {
		assertThat(POLICY.forSite("strict").decisionRules().classifierHoldAt()).isEqualTo(0.6);
		assertThat(POLICY.forSite("strict").decisionRules().classifierRejectAt()).isEqualTo(0.8);
		assertThat(POLICY.forSite("scoring").decisionRules().classifierHoldAt()).isEqualTo(0.9);
		assertThat(POLICY.forSite("scoring").decisionRules().classifierRejectAt()).as("the service's").isNull();
		assertThat(POLICY.forSite("service").decisionRules().classifierHoldAt()).as("back to the service's").isNull();
	}

	@Test
	void theClassifiersReasonIsAnyRuleItsActionAndScoreSetPerSite() {
		assertThat(POLICY.forSite("scoring").settings().actions().of(ReasonCode.SPAM_CLASSIFIER))
			.isEqualTo(RuleAction.SCORE);
		assertThat(POLICY.forSite("strict").settings().actions().of(ReasonCode.SPAM_CLASSIFIER))
			.isEqualTo(RuleAction.HOLD);
	}

	@Test
	void aHoldThresholdAboveTheRejectThresholdIsRefusedWhereItIsNamed() {
		assertThatThrownBy(() -> Policies.parse("""
				sites:
				  odd:
				    classifier-hold-at: 0.9
				    classifier-reject-at: 0.5
				""")).isInstanceOfSatisfying(PolicyException.class, ex -> assertThat(ex.problems()).singleElement()
			.asString()
			.startsWith("sites.odd.classifier-hold-at: 0.9 must not be above"));
	}

	@Test
	void aThresholdThatIsNoProbabilityIsRefused() {
		assertThatThrownBy(() -> Policies.parse("""
				defaults:
				  classifier-hold-at: 1.5
				""")).isInstanceOfSatisfying(PolicyException.class,
						ex -> assertThat(ex.problems()).singleElement().asString().contains("classifier-hold-at"));
	}

}
