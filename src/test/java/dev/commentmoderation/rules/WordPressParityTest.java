package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15, points 3 to 5: where WordPress core's own moderation tests disagreed with the service. */
class WordPressParityTest {

	static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

	@Nested
	class EmailAddressLiterals {

		@ParameterizedTest
		@ValueSource(strings = { "to@[192.168.1.1]", "to@[2001:db8::1]", "to@[IPv6:2001:db8::1]", "to@[10.0.0.1] " })
		void anAddressThatPointsAtAnIpAddressIsInvalid(String email) {
			assertThat(Comments.valid().withEmail(email).moderate().reasons()).extracting(Reason::code)
				.containsExactly(ReasonCode.EMAIL_INVALID);
		}

		@Test
		void aDomainNameIsStillValid() {
			assertThat(Comments.valid().withEmail("to@example.com").moderate().decision())
				.isEqualTo(Decision.APPROVED);
		}

	}

	@Nested
	class Replies {

		private final InMemoryAuthorHistory history = new InMemoryAuthorHistory();

		private final StatefulModerator moderator = new StatefulModerator(RuleActions.DEFAULTS,
				StatefulSettings.DEFAULTS);

		private Verdict moderate(String commentId, String parentId, Instant at) {
			Comment comment = new Comment(commentId, "p-1", "s-1", parentId,
					new Author("Jane", "jane@example.org", null, null, null), "I agree with this.", null, null,
					null);
			String fingerprint = Authors.fingerprint("jane@example.org", comment);
			return this.moderator.moderate(new StatefulModerator.Submission(commentId, "jane@example.org",
					fingerprint, at, null), List.of(), this.history);
		}

		@Test
		void aReplyRepeatingTheAuthorsTopLevelCommentIsNotADuplicate() {
			moderate("c-1", null, T0);

			assertThat(moderate("c-2", "c-9", T0.plusSeconds(60)).decision()).isEqualTo(Decision.APPROVED);
		}

		@Test
		void theSameReplyToTheSameParentIsADuplicate() {
			moderate("c-1", "c-9", T0);

			assertThat(moderate("c-2", "c-9", T0.plusSeconds(60)).reasons()).extracting(Reason::code)
				.containsExactly(ReasonCode.DUPLICATE);
		}

		@Test
		void aTopLevelFingerprintIsTheOneRememberedBeforeParentsCounted() throws Exception {
			Comment topLevel = new Comment("c-1", "p-1", "s-1", null,
					new Author("Jane", "jane@example.org", null, null, null), "I agree with this.", null, null, null);

			// SHA-256 of (email, postId, normalized content), each length-prefixed: the format stored before
			assertThat(Authors.fingerprint("jane@example.org", topLevel))
				.isEqualTo(sha256("jane@example.org", "p-1", "i agree with this."));
		}

		private static String sha256(String... parts) throws Exception {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				byte[] bytes = part.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
				digest.update(bytes);
			}
			return java.util.HexFormat.of().formatHex(digest.digest());
		}

	}

	@Nested
	class TrustedAuthors {

		private final InMemoryAuthorHistory history = new InMemoryAuthorHistory();

		private final StatefulModerator moderator = new StatefulModerator(RuleActions.DEFAULTS,
				StatefulSettings.DEFAULTS);

		private static final Reason LINKS = new Reason(ReasonCode.TOO_MANY_LINKS, "content", "Too many links.");

		private static final Reason HELD = new Reason(ReasonCode.HELD_TERM, "content", "Held term.");

		private Verdict moderate(String commentId, List<Reason> reasons, Set<ReasonCode> heldFor) {
			DecisionRules rules = new DecisionRules(RuleActions.DEFAULTS, Duration.ZERO, 1, null, null, heldFor);
			return this.moderator.moderate(new StatefulModerator.Submission(commentId, "jane@example.org",
					"fp-" + commentId, T0, null), reasons, this.history, rules);
		}

		@Test
		void byDefaultATrustedAuthorSkipsEveryHold() {
			moderate("c-1", List.of(), Set.of());

			assertThat(moderate("c-2", List.of(LINKS, HELD), Set.of()).decision()).isEqualTo(Decision.APPROVED);
		}

		@Test
		void asWordPressATrustedAuthorIsStillHeldForHeldTermsAndLinks() {
			moderate("c-1", List.of(), Set.of());

			Verdict verdict = moderate("c-2", List.of(LINKS), Set.of(ReasonCode.HELD_TERM, ReasonCode.TOO_MANY_LINKS));

			assertThat(verdict.decision()).isEqualTo(Decision.HELD);
			assertThat(verdict.reasons()).containsExactly(LINKS);
		}

		@Test
		void aHoldNotInTheListIsStillSkipped() {
			moderate("c-1", List.of(), Set.of());

			assertThat(moderate("c-2", List.of(LINKS), Set.of(ReasonCode.HELD_TERM)).decision())
				.isEqualTo(Decision.APPROVED);
		}

	}

}
