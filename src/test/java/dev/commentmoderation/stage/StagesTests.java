package dev.commentmoderation.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.policy.Policy;
import dev.commentmoderation.rules.AuthorAction;
import dev.commentmoderation.rules.CommentModerator;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;

/** The stages composed as the topology and the dry run compose them, over in-memory stores. */
class StagesTests {

	static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

	final CommentModerator moderator = new CommentModerator(
			RuleSettings.DEFAULTS.withBlockedTerms(List.of("casino")).withHeldTerms(List.of("refund")));

	final CommentRules rules = (comment) -> new CommentRules.Applied("v1", Policy.DEFAULT_SITE,
			this.moderator.reasons(comment), DecisionRules.of(RuleActions.DEFAULTS, StatefulSettings.DEFAULTS));

	final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

	final RulesStage first = new RulesStage(this.rules, new DecisionWriter(), this.clock, null, null);

	final AuthorStage authors = new AuthorStage(StatefulSettings.DEFAULTS, new DecisionWriter(), this.clock);

	final List<String> authorWrites = new ArrayList<>();

	final AuthorStage.State state = countingAuthorWrites(MapStores.authorStage());

	@Nested
	class TheRulesStage {

		@Test
		void aValueThatIsNotACommentEventIsInvalid() {
			RulesStage.Result result = first.apply(bytes("{not json"), T0);

			assertThat(result).isInstanceOfSatisfying(RulesStage.Invalid.class,
					(invalid) -> assertThat(invalid.failure().error()).isEqualTo(EnvelopeError.MALFORMED_JSON));
		}

		@Test
		void aCommentWithoutAnEmailIsDecidedAtOnce() {
			RulesStage.Result result = first.apply(bytes(comment("c-1", "", "203.0.113.7", "Hello")), T0);

			assertThat(result).isInstanceOfSatisfying(RulesStage.Decided.class, (decided) -> {
				assertThat(decided.verdict().decision()).isEqualTo(Decision.REJECTED);
				assertThat(decided.verdict().reasons()).extracting(Reason::code).contains(ReasonCode.EMAIL_REQUIRED);
			});
		}

		@Test
		void aCommentWithAnEmailGoesOnWithItsReasonsIpAndFingerprint() {
			PendingComment pending = pending("c-1", "Jane@Example.org", "203.0.113.7", "casino");

			assertThat(pending.author()).isEqualTo("jane@example.org");
			assertThat(pending.ip()).isEqualTo("203.0.113.7");
			assertThat(pending.fingerprint()).hasSize(64);
			assertThat(pending.reasons()).extracting(Reason::code).containsExactly(ReasonCode.BLOCKED_TERM);
			assertThat(pending.policyVersion()).isEqualTo("v1");
		}

		@Test
		void aFailureOfTheRulesIsInvalidWithProcessingFailed() {
			RulesStage failing = new RulesStage((comment) -> {
				throw new IllegalStateException("boom");
			}, new DecisionWriter(), clock, null, null);

			assertThat(failing.apply(bytes(comment("c-1", "jane@example.org", null, "Hello")), T0))
				.isInstanceOfSatisfying(RulesStage.Invalid.class, (invalid) -> assertThat(invalid.failure().error())
					.isEqualTo(EnvelopeError.PROCESSING_FAILED));
		}

	}

	@Nested
	class TheAuthorStage {

		@Test
		void decidesAndWritesTheAuthorsRecordOncePerComment() {
			AuthorStage.Result result = authors.moderate(pending("c-1", "jane@example.org", null, "Nice talk."),
					null, T0.toEpochMilli(), state);

			assertThat(result).isInstanceOfSatisfying(AuthorStage.Decided.class,
					(decided) -> assertThat(decided.verdict().decision()).isEqualTo(Decision.APPROVED));
			assertThat(authorWrites).containsExactly("jane@example.org");
		}

		@Test
		void theSameTextAgainIsADuplicate() {
			authors.moderate(pending("c-1", "jane@example.org", null, "Nice talk."), null, T0.toEpochMilli(), state);

			AuthorStage.Decided second = (AuthorStage.Decided) authors.moderate(
					pending("c-2", "jane@example.org", null, "Nice talk."), null, T0.plusSeconds(60).toEpochMilli(),
					state);

			assertThat(second.verdict().reasons()).extracting(Reason::code).containsExactly(ReasonCode.DUPLICATE);
		}

		@Test
		void aCommentIdDecidedBeforeIsAResubmissionWithTheStoredDecision() {
			AuthorStage.Decided first = (AuthorStage.Decided) authors.moderate(
					pending("c-1", "jane@example.org", null, "Nice talk."), null, T0.toEpochMilli(), state);

			AuthorStage.Result again = authors.moderate(pending("c-1", "jane@example.org", null, "Nice talk."), null,
					T0.plusSeconds(2).toEpochMilli(), state);

			assertThat(again).isInstanceOfSatisfying(AuthorStage.Resubmitted.class, (resubmitted) -> assertThat(
					resubmitted.decision().json()).isEqualTo(new String(first.json(), StandardCharsets.UTF_8)));
		}

		@Test
		void anIpsEarlierCommentWithinTheIntervalIsAFlood() {
			AuthorStage.Decided decided = (AuthorStage.Decided) authors.moderate(
					pending("c-1", "jane@example.org", "203.0.113.7", "Hello."), T0.minusSeconds(3),
					T0.toEpochMilli(), state);

			assertThat(decided.verdict().reasons()).extracting(Reason::code).containsExactly(ReasonCode.FLOOD);
		}

		@Test
		void aBannedAuthorIsRejected() {
			authors.act(new ActionRequest("jane@example.org",
					new StoredAction(AuthorAction.Kind.BAN, null, "anna", null, T0.toString())), T0.toEpochMilli(),
					state);

			AuthorStage.Decided decided = (AuthorStage.Decided) authors.moderate(
					pending("c-1", "jane@example.org", null, "Hello."), null, T0.plusSeconds(1).toEpochMilli(), state);

			assertThat(decided.verdict().reasons()).extracting(Reason::code).containsExactly(ReasonCode.AUTHOR_BANNED);
		}

		@Test
		void aModeratorsRejectionForSpamTakesTheAuthorsTrustAway() {
			authors.moderate(pending("c-1", "jane@example.org", null, "Nice talk."), null, T0.toEpochMilli(), state);
			authors.reviewed(new FinalDecision("c-1", "jane@example.org", Decision.REJECTED, List.of(), "{}",
					Decision.APPROVED, true, 2, "example-news", "p", T0.toEpochMilli()),
					T0.plusSeconds(30).toEpochMilli(), state);

			AuthorStage.Decided next = (AuthorStage.Decided) authors.moderate(
					pending("c-2", "jane@example.org", null, "I want a refund"), null,
					T0.plusSeconds(60).toEpochMilli(), state);

			assertThat(next.verdict().decision()).isEqualTo(Decision.HELD);
			assertThat(state.authors().get("jane@example.org").spamRejected()).isTrue();
		}

		@Test
		void aRecordExpiresAfterTheAuthorRetention() {
			authors.moderate(pending("c-1", "jane@example.org", null, "Nice talk."), null, T0.toEpochMilli(), state);
			AuthorRecord record = state.authors().get("jane@example.org");
			long retention = StatefulSettings.DEFAULTS.authorRetention().toMillis();

			assertThat(authors.expired(record, T0.toEpochMilli() + retention)).isFalse();
			assertThat(authors.expired(record, T0.toEpochMilli() + retention + 1)).isTrue();
		}

	}

	PendingComment pending(String commentId, String email, String ip, String content) {
		return ((RulesStage.Pending) this.first.apply(bytes(comment(commentId, email, ip, content)), T0)).pending();
	}

	AuthorStage.State countingAuthorWrites(AuthorStage.State state) {
		Store<String, AuthorRecord> records = state.authors();
		return new AuthorStage.State(new Store<>() {

			@Override
			public AuthorRecord get(String key) {
				return records.get(key);
			}

			@Override
			public void put(String key, AuthorRecord value) {
				StagesTests.this.authorWrites.add(key);
				records.put(key, value);
			}

			@Override
			public void delete(String key) {
				records.delete(key);
			}

		}, state.decisions(), state.actions(), state.authorComments());
	}

	static String comment(String commentId, String email, String ip, String content) {
		return """
				{"commentId":"%s","postId":"p","siteId":"example-news","content":"%s",
				 "author":{"name":"Jane","email":"%s"%s},"submittedAt":"2026-11-29T10:00:00Z"}"""
			.formatted(commentId, content, email, (ip == null) ? "" : ",\"ip\":\"" + ip + "\"");
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
