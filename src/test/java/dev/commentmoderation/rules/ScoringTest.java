package dev.commentmoderation.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scores: weak signals that add up to a hold or a rejection. */
class ScoringTest {

	static final Reason LINK = new Reason(ReasonCode.LINK, "content", "link");

	static final Reason NEW_AUTHOR = new Reason(ReasonCode.NEW_AUTHOR, "author.email", "new");

	static final Reason TOO_FAST = new Reason(ReasonCode.SUBMITTED_TOO_FAST, "formRenderedAt", "fast");

	static final Reason BLOCKED = new Reason(ReasonCode.BLOCKED_TERM, "content", "blocked");

	static final RuleActions WEIGHTED = new RuleActions(Map.of(ReasonCode.SUBMITTED_TOO_FAST, RuleAction.SCORE),
			Map.of(ReasonCode.LINK, new BigDecimal("1"), ReasonCode.NEW_AUTHOR, new BigDecimal("2"),
					ReasonCode.SUBMITTED_TOO_FAST, new BigDecimal("3"), ReasonCode.BLOCKED_TERM, new BigDecimal("5")),
			new BigDecimal("4"), new BigDecimal("6"));

	@Test
	void oneWeakSignalBelowTheHoldScoreIsApprovedWithItsScoreListed() {
		Verdict verdict = WEIGHTED.decide(List.of(LINK), false);
		assertThat(verdict.decision()).isEqualTo(Decision.APPROVED);
		assertThat(verdict.reasons()).isEmpty();
		assertThat(verdict.score().total()).isEqualByComparingTo("1");
		assertThat(verdict.score().rules()).containsExactly(new RuleScore(ReasonCode.LINK, new BigDecimal("1")));
	}

	@Test
	void weakSignalsThatAddUpToTheHoldScoreHoldWithEveryOneAsAReason() {
		Verdict verdict = WEIGHTED.decide(List.of(LINK, TOO_FAST), false);
		assertThat(verdict.decision()).isEqualTo(Decision.HELD);
		assertThat(verdict.reasons()).containsExactly(LINK, TOO_FAST);
		assertThat(verdict.score().total()).isEqualByComparingTo("4");
		assertThat(verdict.score().holdAt()).isEqualByComparingTo("4");
		assertThat(verdict.score().rejectAt()).isEqualByComparingTo("6");
	}

	@Test
	void weakSignalsThatAddUpToTheRejectScoreReject() {
		Verdict verdict = WEIGHTED.decide(List.of(LINK, NEW_AUTHOR, TOO_FAST), false);
		assertThat(verdict.decision()).isEqualTo(Decision.REJECTED);
		assertThat(verdict.score().total()).isEqualByComparingTo("6");
	}

	@Test
	void aRuleCountsOnceHoweverManyReasonsItGives() {
		Verdict verdict = WEIGHTED.decide(List.of(LINK, LINK, LINK, LINK), false);
		assertThat(verdict.decision()).isEqualTo(Decision.APPROVED);
		assertThat(verdict.score().total()).isEqualByComparingTo("1");
	}

	@Test
	void aRejectRuleRejectsWhateverTheTotalAndItsScoreStillCounts() {
		Verdict verdict = WEIGHTED.decide(List.of(BLOCKED), false);
		assertThat(verdict.decision()).isEqualTo(Decision.REJECTED);
		assertThat(verdict.score().total()).isEqualByComparingTo("5");
	}

	@Test
	void aTrustedAuthorSkipsTheHoldScoreButNotTheRejectScore() {
		assertThat(WEIGHTED.decide(List.of(LINK, TOO_FAST), true).decision()).isEqualTo(Decision.APPROVED);
		assertThat(WEIGHTED.decide(List.of(LINK, NEW_AUTHOR, TOO_FAST), true).decision())
			.isEqualTo(Decision.REJECTED);
	}

	@Test
	void aScoreRuleWithScoreZeroIsOffAndLeavesNoTrace() {
		Verdict verdict = RuleActions.DEFAULTS.decide(List.of(LINK, NEW_AUTHOR), false);
		assertThat(verdict.decision()).isEqualTo(Decision.APPROVED);
		assertThat(verdict.score().rules()).isEmpty();
		assertThat(RuleActions.DEFAULTS.counts(ReasonCode.LINK)).isFalse();
		assertThat(RuleActions.DEFAULTS.counts(ReasonCode.TOO_MANY_LINKS)).isTrue();
	}

	@Test
	void holdAndRejectRulesAreListedWithScoreZeroWhenTheyHaveNone() {
		Verdict verdict = RuleActions.DEFAULTS.decide(
				List.of(new Reason(ReasonCode.TOO_MANY_LINKS, "content", "links")), false);
		assertThat(verdict.decision()).isEqualTo(Decision.HELD);
		assertThat(verdict.score().rules())
			.containsExactly(new RuleScore(ReasonCode.TOO_MANY_LINKS, BigDecimal.ZERO));
	}

	@Test
	void withoutThresholdsScoresAloneDecideNothing() {
		RuleActions unscored = new RuleActions(Map.of(), Map.of(ReasonCode.LINK, new BigDecimal("100")), null, null);
		assertThat(unscored.decide(List.of(LINK), false).decision()).isEqualTo(Decision.APPROVED);
	}

	@Test
	void decimalScoresAddUpExactly() {
		RuleActions tenths = new RuleActions(Map.of(),
				Map.of(ReasonCode.LINK, new BigDecimal("0.1"), ReasonCode.NEW_AUTHOR, new BigDecimal("0.2")),
				new BigDecimal("0.3"), null);
		assertThat(tenths.decide(List.of(LINK, NEW_AUTHOR), false).decision()).isEqualTo(Decision.HELD);
	}

	@Test
	void fixedCodesKeepTheirActionWhateverTheOverride() {
		RuleActions actions = new RuleActions(
				Map.of(ReasonCode.EMAIL_INVALID, RuleAction.SCORE, ReasonCode.MODERATOR_REJECTED, RuleAction.HOLD));
		assertThat(actions.of(ReasonCode.EMAIL_INVALID)).isEqualTo(RuleAction.REJECT);
		assertThat(actions.of(ReasonCode.MODERATOR_REJECTED)).isEqualTo(RuleAction.REJECT);
	}

	@Test
	void changingOneActionKeepsEveryOtherActionTheScoresAndTheThresholds() {
		RuleActions changed = WEIGHTED.with(ReasonCode.LINK, RuleAction.REJECT);

		assertThat(changed.of(ReasonCode.LINK)).isEqualTo(RuleAction.REJECT);
		assertThat(changed).isEqualTo(new RuleActions(
				Map.of(ReasonCode.SUBMITTED_TOO_FAST, RuleAction.SCORE, ReasonCode.LINK, RuleAction.REJECT),
				WEIGHTED.scores(), WEIGHTED.holdAt(), WEIGHTED.rejectAt()));
		assertThat(WEIGHTED.of(ReasonCode.LINK)).as("unchanged").isEqualTo(RuleAction.SCORE);
	}

	@Test
	void negativeScoresAndThresholdsThatAreNotPositiveAreRefused() {
		assertThatThrownBy(() -> new RuleActions(Map.of(), Map.of(ReasonCode.LINK, new BigDecimal("-1")), null, null))
			.hasMessageContaining("LINK");
		assertThatThrownBy(() -> new RuleActions(Map.of(), Map.of(), BigDecimal.ZERO, null))
			.hasMessageContaining("holdAt");
	}

}
