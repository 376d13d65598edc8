package dev.commentmoderation.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** LINK and NEW_AUTHOR: off by default, reasons once a policy scores them; and per-site decision rules. */
class WeakSignalsTest {

	static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

	static final RuleActions SCORED = new RuleActions(Map.of(),
			Map.of(ReasonCode.LINK, BigDecimal.ONE, ReasonCode.NEW_AUTHOR, new BigDecimal("2")), new BigDecimal("3"),
			null);

	final InMemoryAuthorHistory history = new InMemoryAuthorHistory();

	final StatefulModerator moderator = new StatefulModerator(RuleActions.DEFAULTS, StatefulSettings.DEFAULTS);

	@Test
	void aLinkIsAReasonOnlyWhenAPolicyScoresIt() {
		Comment comment = Comments.valid().withContent("See https://example.org for more.").build();
		assertThat(new CommentModerator(RuleSettings.DEFAULTS).reasons(comment)).isEmpty();
		assertThat(new CommentModerator(RuleSettings.DEFAULTS.withActions(SCORED)).reasons(comment))
			.extracting(Reason::code)
			.containsExactly(ReasonCode.LINK);
	}

	@Test
	void aNewAuthorIsAReasonUntilTheirFirstApprovedComment() {
		DecisionRules rules = new DecisionRules(SCORED, Duration.ZERO, 5);
		Verdict first = this.moderator.moderate(submission("c-1", T0), List.of(), this.history, rules);
		assertThat(first.decision()).isEqualTo(Decision.APPROVED);
		assertThat(first.score().rules()).extracting(RuleScore::code).containsExactly(ReasonCode.NEW_AUTHOR);
		Verdict second = this.moderator.moderate(submission("c-2", T0.plusSeconds(60)), List.of(), this.history,
				rules);
		assertThat(second.score().rules()).isEmpty();
	}

	@Test
	void aLinkFromANewAuthorAddsUpToAHold() {
		DecisionRules rules = new DecisionRules(SCORED, Duration.ZERO, 5);
		Reason link = new Reason(ReasonCode.LINK, "content", "Your comment contains a link.");
		Verdict verdict = this.moderator.moderate(submission("c-1", T0), List.of(link), this.history, rules);
		assertThat(verdict.decision()).isEqualTo(Decision.HELD);
		assertThat(verdict.reasons()).extracting(Reason::code).containsExactly(ReasonCode.LINK, ReasonCode.NEW_AUTHOR);
		assertThat(verdict.score().total()).isEqualByComparingTo("3");
	}

	@Test
	void theFloodIntervalAndTrustOfTheCommentsPolicyApplyNotTheModeratorsDefaults() {
		DecisionRules noFlood = new DecisionRules(RuleActions.DEFAULTS, Duration.ZERO, 1);
		this.moderator.moderate(submission("c-1", T0), List.of(), this.history, noFlood);
		Verdict soon = this.moderator.moderate(submission("c-2", T0.plusSeconds(1)), List.of(), this.history, noFlood);
		assertThat(soon.decision()).isEqualTo(Decision.APPROVED);
		DecisionRules longFlood = new DecisionRules(RuleActions.DEFAULTS, Duration.ofMinutes(10), 1);
		Verdict flood = this.moderator.moderate(submission("c-3", T0.plusSeconds(120)), List.of(), this.history,
				longFlood);
		assertThat(flood.reasons()).extracting(Reason::code).containsExactly(ReasonCode.FLOOD);
	}

	private static StatefulModerator.Submission submission(String commentId, Instant at) {
		return new StatefulModerator.Submission(commentId, "jane@example.org", "fp-" + commentId, at, null);
	}

}
