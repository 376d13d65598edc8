package dev.commentmoderation.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.StatefulSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The policy's decision rules as each pending comment carries them between the stages: one type from the policy
 * to the author stage, written compactly and stably, and read the same from the records earlier versions wrote.
 */
class DecisionRulesFormatTests {

	/** A site's rules with a bit of everything: an action override, scores, thresholds and the rest. */
	static final DecisionRules KIDS = new DecisionRules(
			new RuleActions(Map.of(ReasonCode.BLOCKED_TERM, RuleAction.HOLD),
					Map.of(ReasonCode.LINK, new BigDecimal("1.5"), ReasonCode.NEW_AUTHOR, new BigDecimal("2")),
					new BigDecimal("3"), new BigDecimal("8.25")),
			Duration.ofSeconds(15), 2, 0.7, 0.95, Set.of(ReasonCode.HELD_TERM));

	@Nested
	class WhatIsWritten {

		@Test
		void onlyWhatDiffersFromTheBuiltInDefaultsInCodeOrderWithTheFloodIntervalInIso8601AndMilliseconds() {
			assertThat(json(KIDS)).isEqualTo("""
					{"actions":{"BLOCKED_TERM":"HOLD"},"scores":{"LINK":1.5,"NEW_AUTHOR":2},"holdAt":3,"rejectAt":8.25,\
					"floodInterval":"PT15S","floodIntervalMillis":15000,"trustedAuthorMinApproved":2,\
					"classifierHoldAt":0.7,"classifierRejectAt":0.95,"trustedAuthorHeldFor":["HELD_TERM"]}""");
		}

		@Test
		void theServiceDefaultsLeaveOnlyTheFloodIntervalAndTheTrustedAuthorMinimum() {
			assertThat(json(DecisionRules.of(RuleActions.DEFAULTS, StatefulSettings.DEFAULTS))).isEqualTo(
					"{\"floodInterval\":\"PT15S\",\"floodIntervalMillis\":15000,\"trustedAuthorMinApproved\":1}");
		}

		@Test
		void aPendingCommentsPolicyIsOneRulesObjectWithTheVersionAndSiteFirst() {
			PendingComment comment = new PendingComment("c-1", "p", "kids", "jane@example.org", null, "fp", List.of(),
					"{}", null, "v-7", "kids-corner", KIDS, null);

			String json = StateCodec.JSON.writeValueAsString(comment);

			assertThat(json).contains(",\"rules\":{\"policyVersion\":\"v-7\",\"site\":\"kids-corner\","
					+ json(KIDS).substring(1) + ",")
				.doesNotContain("\"decisionRules\"", "\"policySite\"");
		}

	}

	@Nested
	class ReadingBack {

		@Test
		void givesAPendingCommentEqualToTheOneWritten() {
			PendingComment comment = new PendingComment("c-1", "p", "kids", "jane@example.org", null, "fp", List.of(),
					"{}", null, "v-7", "kids-corner", KIDS, null);

			assertThat(StateCodec.read(StateCodec.write(comment), PendingComment.class)).isEqualTo(comment);
		}

		@Test
		void givesRulesEqualToThePolicysFromSmile() {
			assertThat(StateCodec.SMILE.readValue(StateCodec.SMILE.writeValueAsBytes(KIDS), DecisionRules.class))
				.isEqualTo(KIDS);
		}

		@Test
		void givesRulesEqualToThePolicysFromJson() {
			assertThat(StateCodec.JSON.readValue(json(KIDS), DecisionRules.class)).isEqualTo(KIDS);
		}

		@Test
		void keepsAFloodIntervalExactToTheNanosecond() {
			DecisionRules rules = DecisionRules.of(RuleActions.DEFAULTS, StatefulSettings.DEFAULTS);
			DecisionRules odd = new DecisionRules(rules.actions(), Duration.ofSeconds(2, 500_000_001), 1);

			assertThat(StateCodec.SMILE.readValue(StateCodec.SMILE.writeValueAsBytes(odd), DecisionRules.class)
				.floodInterval()).isEqualTo(Duration.ofSeconds(2, 500_000_001));
		}

		@Test
		void skipsTheFieldsOfALaterVersion() {
			String later = json(KIDS).replace("{\"actions\"",
					"{\"aLaterSetting\":{\"nested\":[1,{\"x\":null}]},\"actions\"");

			assertThat(StateCodec.JSON.readValue(later, DecisionRules.class)).isEqualTo(KIDS);
		}

		@Test
		void failsOnAReasonCodeThisVersionDoesNotKnowRatherThanDecideWithoutIt() {
			String unknown = json(KIDS).replace("\"BLOCKED_TERM\":\"HOLD\"", "\"A_LATER_CODE\":\"HOLD\"");

			assertThatException().isThrownBy(() -> StateCodec.JSON.readValue(unknown, DecisionRules.class));
		}

	}

	/**
	 * Records that a version before this one (with {@code CarriedRules}) wrote to the repartition topics, which an
	 * upgrade finds there: the fixtures were written by that version's code (commit 33c1345) from {@link #KIDS} under
	 * policy version "v-legacy", site key "kids-corner", with the decisions it made of them.
	 */
	@Nested
	class ARecordAnEarlierVersionWrote {

		static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

		final AuthorStage authors = new AuthorStage(StatefulSettings.DEFAULTS, new DecisionWriter(),
				Clock.fixed(T0, ZoneOffset.UTC));

		@ParameterizedTest
		@ValueSource(strings = { "to-author-carried-rules.smile", "to-author-carried-rules.json" })
		void carriesThePolicysVersionSiteAndRulesAsThatVersionDecidedBy(String fixture) {
			PendingComment comment = read(fixture);

			assertThat(comment.policyVersion()).isEqualTo("v-legacy");
			assertThat(comment.policySite()).isEqualTo("kids-corner");
			// what the earlier version decided by: no classifier thresholds (the first stage had applied them)
			assertThat(comment.decisionRules()).isEqualTo(new DecisionRules(KIDS.actions(), KIDS.floodInterval(),
					KIDS.trustedAuthorMinApproved(), null, null, KIDS.trustedAuthorHeldFor()));
		}

		@ParameterizedTest
		@ValueSource(strings = { "to-author-carried-rules.smile", "to-author-carried-rules.json" })
		void isDecidedAsThatVersionDecidedIt(String fixture) {
			AuthorStage.Decided decided = (AuthorStage.Decided) this.authors.moderate(read(fixture), null,
					T0.toEpochMilli(), MapStores.authorStage());

			assertThat(new String(decided.json(), StandardCharsets.UTF_8))
				.isEqualTo(text("to-author-carried-rules-decision.json"));
			assertThat(decided.site()).isEqualTo("kids-corner");
		}

		@Test
		void isAFloodWithinTheFloodIntervalItCarriedInMilliseconds() {
			AuthorStage.Decided decided = (AuthorStage.Decided) this.authors.moderate(
					read("to-author-carried-rules.smile"), T0.minusSeconds(10), T0.toEpochMilli(),
					MapStores.authorStage());

			assertThat(new String(decided.json(), StandardCharsets.UTF_8))
				.isEqualTo(text("to-author-carried-rules-flood-decision.json"));
		}

		private static PendingComment read(String fixture) {
			return StateCodec.read(bytes(fixture), ToAuthor.class).comment();
		}

	}

	/**
	 * What a version before this one reads of a comment this one wrote, during a rolling upgrade or after a rollback:
	 * its {@code rules} object as that version's {@code CarriedRules} (this record is a copy of it) with the same
	 * mapper settings.
	 */
	@Nested
	class AnEarlierVersionReadingACommentThisOneWrote {

		record CarriedRules(String policyVersion, String site, Map<ReasonCode, RuleAction> actions,
				Map<ReasonCode, BigDecimal> scores, BigDecimal holdAt, BigDecimal rejectAt, long floodIntervalMillis,
				int trustedAuthorMinApproved, Set<ReasonCode> trustedAuthorHeldFor) {
		}

		@Test
		void findsThePolicyAsItWouldHaveWrittenIt() {
			PendingComment fromEarlier = StateCodec.read(bytes("to-author-carried-rules.smile"), ToAuthor.class)
				.comment();
			byte[] rewritten = StateCodec.write(new ToAuthor(fromEarlier, null, null));

			assertThat(carriedRules(rewritten)).isEqualTo(carriedRules(bytes("to-author-carried-rules.smile")))
				.extracting(CarriedRules::policyVersion, CarriedRules::site, CarriedRules::floodIntervalMillis)
				.containsExactly("v-legacy", "kids-corner", 15_000L);
		}

		private static CarriedRules carriedRules(byte[] toAuthor) {
			return StateCodec.SMILE.treeToValue(StateCodec.SMILE.readTree(toAuthor).at("/comment/rules"),
					CarriedRules.class);
		}

	}

	private static String json(DecisionRules rules) {
		return StateCodec.JSON.writeValueAsString(rules);
	}

	private static String text(String fixture) {
		return new String(bytes(fixture), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String fixture) {
		try (InputStream in = DecisionRulesFormatTests.class.getResourceAsStream(fixture)) {
			return Objects.requireNonNull(in, fixture).readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
