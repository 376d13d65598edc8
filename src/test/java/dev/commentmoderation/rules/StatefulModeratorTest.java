package dev.commentmoderation.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stateful rules in plain Java, over an in-memory author history: no Kafka. */
class StatefulModeratorTest {

	static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

	final InMemoryAuthorHistory history = new InMemoryAuthorHistory();

	final StatefulModerator moderator = new StatefulModerator(RuleActions.DEFAULTS, StatefulSettings.DEFAULTS);

	static final Reason LINKS = new Reason(ReasonCode.TOO_MANY_LINKS, "content", "Too many links.");

	static final Reason BLOCKED = new Reason(ReasonCode.BLOCKED_TERM, "content", "Blocked.",
			Match.ofTerm("casino", 0, 6));

	@Test
	void aFirstCommentWithoutReasonsIsApprovedAndRemembered() {
		Verdict verdict = moderate("c-1", "jane@example.org", "fp-1", T0, null, List.of());

		assertThat(verdict).isEqualTo(new Verdict(Decision.APPROVED, List.of()));
		assertThat(this.history.standing("jane@example.org", Instant.EPOCH)).isEqualTo(new AuthorStanding(1, false));
		assertThat(this.history.saidBefore("fp-1", "c-other", Instant.EPOCH)).isTrue();
	}

	@Test
	void theSameFingerprintFromAnotherCommentIsADuplicateButNotFromTheSameCommentId() {
		moderate("c-1", "jane@example.org", "fp-1", T0, null, List.of());

		assertThat(codes(moderate("c-2", "jane@example.org", "fp-1", T0.plusSeconds(60), null, List.of())))
			.containsExactly(ReasonCode.DUPLICATE);
		assertThat(codes(moderate("c-1", "jane@example.org", "fp-1", T0.plusSeconds(120), null, List.of())))
			.isEmpty();
	}

	@Test
	void floodIsStrictlyWithinTheIntervalByEmailOrByIp() {
		moderate("c-1", "jane@example.org", "fp-1", T0, null, List.of());

		assertThat(moderate("c-2", "jane@example.org", "fp-2", T0.plusMillis(14_999), null, List.of()).reasons())
			.extracting(Reason::field)
			.containsExactly("author.email");
		assertThat(codes(moderate("c-3", "jane@example.org", "fp-3", T0.plusMillis(30_000), null, List.of())))
			.isEmpty();
		assertThat(moderate("c-4", "sam@example.org", "fp-4", T0.plusSeconds(60), T0.plusSeconds(50), List.of())
			.reasons()).extracting(Reason::field).containsExactly("author.ip");
	}

	@Test
	void holdReasonsHoldAnUntrustedAuthorAndAreDroppedForATrustedOne() {
		assertThat(moderate("c-1", "jane@example.org", "fp-1", T0, null, List.of(LINKS)).decision())
			.isEqualTo(Decision.HELD);
		moderate("c-2", "sam@example.org", "fp-2", T0, null, List.of());
		Verdict trusted = moderate("c-3", "sam@example.org", "fp-3", T0.plusSeconds(60), null, List.of(LINKS));
		assertThat(trusted.decision()).isEqualTo(Decision.APPROVED);
		assertThat(trusted.reasons()).isEmpty();
	}

	@Test
	void aRejectReasonRejectsWithEveryReasonAndASpamRejectionRemovesTrust() {
		moderate("c-1", "jane@example.org", "fp-1", T0, null, List.of());
		Verdict rejected = moderate("c-2", "jane@example.org", "fp-2", T0.plusSeconds(60), null,
				List.of(LINKS, BLOCKED));

		assertThat(rejected.decision()).isEqualTo(Decision.REJECTED);
		assertThat(codes(rejected)).containsExactly(ReasonCode.TOO_MANY_LINKS, ReasonCode.BLOCKED_TERM);
		assertThat(this.history.saidBefore("fp-2", "c-other", Instant.EPOCH)).isFalse();
		assertThat(moderate("c-3", "jane@example.org", "fp-3", T0.plusSeconds(120), null, List.of(LINKS)).decision())
			.isEqualTo(Decision.HELD);
	}

	@Test
	void aModeratorsApprovalCountsTowardsTrustAndARejectionAgainstIt() {
		moderate("c-1", "jane@example.org", "fp-1", T0, null, List.of(LINKS));
		this.moderator.reviewed("jane@example.org", Decision.APPROVED,
				List.of(LINKS, StatefulModerator.moderatorReason(Decision.APPROVED, "anna", null)), T0.plusSeconds(30),
				this.history);
		assertThat(this.history.standing("jane@example.org", Instant.EPOCH).trusted(1)).isTrue();
		this.moderator.reviewed("jane@example.org", Decision.REJECTED,
				List.of(StatefulModerator.moderatorReason(Decision.REJECTED, "anna", "spam")), T0.plusSeconds(60),
				this.history);
		assertThat(this.history.standing("jane@example.org", Instant.EPOCH).trusted(1)).isFalse();
	}

	@Test
	void emailAndModeratorCodesAlwaysRejectWhateverTheConfiguration() {
		RuleActions actions = new RuleActions(Map.of(ReasonCode.EMAIL_REQUIRED, RuleAction.HOLD,
				ReasonCode.BLOCKED_TERM, RuleAction.HOLD));

		assertThat(actions.of(ReasonCode.EMAIL_REQUIRED)).isEqualTo(RuleAction.REJECT);
		assertThat(actions.of(ReasonCode.BLOCKED_TERM)).isEqualTo(RuleAction.HOLD);
		assertThat(actions.of(ReasonCode.TOO_MANY_LINKS)).isEqualTo(RuleAction.HOLD);
	}

	@Test
	void authorsAreNormalizedEmailsAndFingerprintsFoldTheContent() {
		Comment a = new Comment("c", "p", "s", null, new Author("J", "  Jane@Example.ORG ", null, null, null),
				"Nice   TALK", null, null, null);
		Comment b = new Comment("c", "p", "s", null, new Author("J", "jane@example.org", null, null, null),
				"nice talk", null, null, null);
		Comment otherPost = new Comment("c", "q", "s", null, new Author("J", "jane@example.org", null, null, null),
				"nice talk", null, null, null);

		assertThat(Authors.normalizedEmail(a)).contains("jane@example.org");
		assertThat(Authors.fingerprint("jane@example.org", a)).isEqualTo(Authors.fingerprint("jane@example.org", b))
			.isNotEqualTo(Authors.fingerprint("jane@example.org", otherPost));
		assertThat(Authors.normalizedEmail(new Comment("c", null, null, null,
				new Author("J", "not-an-address", null, null, null), "x", null, null, null))).isEmpty();
	}

	Verdict moderate(String commentId, String author, String fingerprint, Instant at, Instant previousFromIp,
			List<Reason> reasons) {
		return this.moderator.moderate(
				new StatefulModerator.Submission(commentId, author, fingerprint, at, previousFromIp), reasons,
				this.history);
	}

	static List<ReasonCode> codes(Verdict verdict) {
		return verdict.reasons().stream().map(Reason::code).toList();
	}

}
