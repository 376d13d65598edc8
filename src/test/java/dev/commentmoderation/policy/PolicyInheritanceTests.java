package dev.commentmoderation.policy;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.RuleSettings;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyInheritanceTests {

	static final Policy POLICY = Policies.parse("""
			defaults:
			  max-links: 2
			  flood-interval: 30s
			  blocked-terms: [casino]
			  held-terms: [refund]
			  spam-patterns: ['(?i)\\[url=']
			  hold-score: 4
			  reject-score: 8
			  rules:
			    LINK: {score: 1}
			    TOO_MANY_LINKS: {action: HOLD, score: 2}
			sites:
			  strict:
			    max-links: 0
			    extra-blocked-terms: [crypto]
			    rules:
			      TOO_MANY_LINKS: {action: REJECT}
			  replaced:
			    blocked-terms: [lottery]
			    spam-patterns: []
			  unscored:
			    hold-score: null
			    reject-score: null
			  empty:
			""");

	@Test
	void aSiteInheritsEverySettingItDoesNotName() {
		RuleSettings strict = POLICY.forSite("strict").settings();
		assertThat(strict.maxLinks()).isZero();
		assertThat(strict.heldTerms()).containsExactly("refund");
		assertThat(strict.spamPatterns()).containsExactly("(?i)\\[url=");
		assertThat(strict.maxContentBytes()).isEqualTo(RuleSettings.DEFAULTS.maxContentBytes());
		assertThat(POLICY.forSite("strict").decisionRules().floodInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(strict.actions().holdAt()).isEqualByComparingTo("4");
	}

	@Test
	void anEmptySiteIsTheDefaults() {
		SitePolicy empty = POLICY.forSite("empty");
		assertThat(empty.site()).isEqualTo("empty");
		assertThat(empty.settings()).isEqualTo(POLICY.defaults().settings());
		assertThat(empty.decisionRules()).isEqualTo(POLICY.defaults().decisionRules());
	}

	@Test
	void extraTermsAddToTheInheritedOnesAndTermsReplaceThem() {
		assertThat(POLICY.forSite("strict").settings().blockedTerms()).containsExactly("casino", "crypto");
		assertThat(POLICY.forSite("replaced").settings().blockedTerms()).containsExactly("lottery");
		assertThat(POLICY.forSite("replaced").settings().spamPatterns()).isEmpty();
	}

	@Test
	void rulesMergeCodeByCodeAndKeyByKey() {
		RuleActions strict = POLICY.forSite("strict").settings().actions();
		assertThat(strict.of(ReasonCode.TOO_MANY_LINKS)).isEqualTo(RuleAction.REJECT);
		assertThat(strict.scoreOf(ReasonCode.TOO_MANY_LINKS)).isEqualByComparingTo("2");
		assertThat(strict.scoreOf(ReasonCode.LINK)).isEqualByComparingTo("1");
		assertThat(strict.of(ReasonCode.HELD_TERM)).isEqualTo(RuleAction.HOLD);
		assertThat(strict.of(ReasonCode.BLOCKED_TERM)).isEqualTo(RuleAction.REJECT);
	}

	@Test
	void aSiteTurnsAnInheritedThresholdOffWithNull() {
		RuleActions unscored = POLICY.forSite("unscored").settings().actions();
		assertThat(unscored.holdAt()).isNull();
		assertThat(unscored.rejectAt()).isNull();
		assertThat(unscored.scoreOf(ReasonCode.LINK)).isEqualByComparingTo(BigDecimal.ONE);
	}

	@Test
	void theDecisionRulesOfASiteAreTheActionsOfItsSettings() {
		SitePolicy strict = POLICY.forSite("strict");
		assertThat(strict.decisionRules().actions()).isEqualTo(strict.settings().actions());
	}

	@Test
	void commentsOfUnknownSitesOrWithoutASiteGetTheDefaults() {
		assertThat(POLICY.forSite("elsewhere")).isSameAs(POLICY.defaults());
		assertThat(POLICY.forSite(null)).isSameAs(POLICY.defaults());
		assertThat(POLICY.defaults().site()).isEqualTo(Policy.DEFAULT_SITE);
	}

	@Test
	void siteIdsMatchExactly() {
		assertThat(POLICY.forSite("Strict")).isSameAs(POLICY.defaults());
		assertThat(POLICY.forSite("strict ")).isSameAs(POLICY.defaults());
	}

	@Test
	void theDefaultsInheritFromTheBaseSettings() {
		PolicyLoader loader = new PolicyLoader(
				new PolicyLoader.Base(RuleSettings.DEFAULTS.withHeldTerms(java.util.List.of("refund")),
						Policies.BASE.decisionRules()),
				Duration.ofHours(1), java.time.Clock.systemUTC());
		Policy policy = loader.parse("sites: {a: {max-links: 1}}".getBytes(), java.nio.file.Path.of("p.yaml"));
		assertThat(policy.defaults().settings().heldTerms()).containsExactly("refund");
		assertThat(policy.forSite("a").settings().heldTerms()).containsExactly("refund");
	}

}
