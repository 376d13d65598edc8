package dev.commentmoderation.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;
import dev.commentmoderation.rules.Verdict;
import dev.commentmoderation.stage.AuthorRecord;
import dev.commentmoderation.stage.CommentState;
import dev.commentmoderation.stage.RecordedVerdict;
import dev.commentmoderation.stage.IpRecord;
import dev.commentmoderation.stage.CommentRules;
import dev.commentmoderation.testing.ModerationTopologyDriver;

import static dev.commentmoderation.testing.ModerationTopologyDriver.bytes;
import static dev.commentmoderation.testing.ModerationTopologyDriver.commentIds;
import static dev.commentmoderation.testing.ModerationTopologyDriver.header;
import static dev.commentmoderation.testing.ModerationTopologyDriver.json;
import static dev.commentmoderation.testing.ModerationTopologyDriver.reasonCodes;
import static dev.commentmoderation.testing.ModerationTopologyDriver.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stateful rules through the real topology in a TopologyTestDriver: resubmission, duplicates, flood by
 * email and by IP, held comments, the moderator review loop, trusted authors, and the retention of each,
 * advancing record time.
 */
class StatefulModerationTopologyTests {

	static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

	ModerationTopologyDriver driver;

	final List<String> events = new ArrayList<>();

	final List<Duration> turnarounds = new ArrayList<>();

	@BeforeEach
	void start() {
		start(StatefulSettings.DEFAULTS, UnaryOperator.identity());
	}

	void start(StatefulSettings settings) {
		start(settings, UnaryOperator.identity());
	}

	void start(StatefulSettings settings, UnaryOperator<CommentRules> aroundRules) {
		if (this.driver != null) {
			this.driver.close();
		}
		ModerationListener listener = new ModerationListener() {
			@Override
			public void decided(String commentId, String site, Verdict verdict, Duration processingTime) {
				events.add("decided " + commentId + " " + verdict.decision());
			}

			@Override
			public void resubmitted(String commentId, Decision decision) {
				events.add("resubmitted " + commentId + " " + decision);
			}

			@Override
			public void reviewed(String commentId, Decision decision, boolean expired, Duration turnaround) {
				events.add((expired ? "expired " : "reviewed ") + commentId + " " + decision);
				turnarounds.add(turnaround);
			}

			@Override
			public void verdict(String commentId, Decision previous, Decision decision, boolean spam,
					boolean changed, int revision) {
				events.add("verdict " + decision + (spam ? " spam" : "") + (changed ? " revision " + revision
						: " unchanged at revision " + revision));
			}

			@Override
			public void deadLettered(DeadLetterHeaders.Source source, InvalidEnvelopeException failure) {
				events.add("dead " + failure.error());
			}
		};
		this.driver = ModerationTopologyDriver.with()
			.rules(RuleSettings.DEFAULTS.withBlockedTerms(List.of("casino")).withHeldTerms(List.of("refund")))
			.stateful(settings)
			.aroundRules(aroundRules)
			.listener(listener)
			.at(T0)
			.start();
	}

	@AfterEach
	void close() {
		this.driver.close();
	}

	@Test
	void aFailureOfTheServiceInTheAuthorStageDeadLettersTheCommentAndTheStreamGoesOn() {
		// a reason without a code cannot be decided: the author stage fails on it
		start(StatefulSettings.DEFAULTS, (rules) -> (comment) -> {
			CommentRules.Applied applied = rules.apply(comment);
			return comment.commentId().equals("c-boom")
					? new CommentRules.Applied(applied.policyVersion(), applied.site(),
							List.of(new Reason(null, "content", "?")), applied.decisionRules())
					: applied;
		});
		String boom = comment("c-boom", "jane@example.org", null, "p", "Boom.");
		submit(boom, T0);
		submit(comment("c-fine", "sam@example.org", null, "p", "Fine."), T0.plusSeconds(60));

		TestRecord<byte[], byte[]> dead = this.driver.deadLetters().readRecord();
		assertThat(header(dead, DeadLetterHeaders.ERROR_CODE)).isEqualTo("PROCESSING_FAILED");
		assertThat(utf8(dead.value())).isEqualTo(boom);
		assertThat(utf8(dead.key())).isEqualTo("c-boom");
		assertThat(commentIds(this.driver.approved().readValuesToList())).containsExactly("c-fine");
	}

	@Nested
	class IdempotentResubmission {

		@Test
		void aResubmittedCommentIdGetsTheSameDecisionReEmittedNeverADuplicateOrFloodOfItself() {
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "Nice talk."), T0);
			byte[] first = driver.approved().readValue();
			driver.advance(Duration.ofMinutes(1));
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "Nice talk."), T0.plusSeconds(2));

			assertThat(driver.approved().readValue()).isEqualTo(first);
			assertThat(driver.rejected().isEmpty()).isTrue();
			assertThat(events).containsExactly("decided c-1 APPROVED", "resubmitted c-1 APPROVED");
		}

		@Test
		void aResubmittedRejectionIsReEmittedWithTheSameReasons() {
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "First."), T0);
			submit(comment("c-2", "jane@example.org", "203.0.113.7", "p", "Second, too soon."), T0.plusSeconds(3));
			byte[] flood = driver.rejected().readValue();
			submit(comment("c-2", "jane@example.org", "203.0.113.7", "p", "Second, too soon."), T0.plusSeconds(60));

			assertThat(driver.rejected().readValue()).isEqualTo(flood);
			assertThat(reasonCodes(flood)).containsExactly("FLOOD");
		}

		@Test
		void theEmailIsNormalizedSoCaseAndSpacesDoNotMakeANewAuthor() {
			submit(comment("c-1", "jane@example.org", null, "p", "First."), T0);
			submit(comment("c-2", "  JANE@Example.ORG ", null, "p", "Second."), T0.plusSeconds(3));

			assertThat(reasonCodes(driver.rejected().readValue())).containsExactly("FLOOD");
		}

		@Test
		void aResubmissionDoesNotRestartTheFloodIntervalOfItsIpOrAuthor() {
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "One."), T0);
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "One."), T0.plusSeconds(10));
			submit(comment("c-2", "sam@example.org", "203.0.113.7", "p", "Two."), T0.plusSeconds(20));
			submit(comment("c-3", "jane@example.org", "198.51.100.9", "p", "Three."), T0.plusSeconds(21));

			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-1", "c-1", "c-2", "c-3");
			assertThat(driver.rejected().isEmpty()).isTrue();
		}

		@Test
		void aCommentIdIsForgottenAfterTheDecisionRetention() {
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "Nice talk."), T0);
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "Nice talk."), T0.plus(Duration.ofDays(8)));

			assertThat(driver.approved().readValuesToList()).hasSize(2);
			assertThat(events).containsExactly("decided c-1 APPROVED", "decided c-1 APPROVED");
		}

	}

	@Nested
	class Duplicates {

		@Test
		void theSameAuthorSayingTheSameThingOnTheSamePostIsADuplicate() {
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "Nice talk."), T0);
			submit(comment("c-2", "Jane@Example.org", "198.51.100.1", "p", "  NICE   talk. "), T0.plusSeconds(60));

			assertThat(driver.approved().readValuesToList()).hasSize(1);
			JsonNode duplicate = json(driver.rejected().readValue());
			assertThat(duplicate.get("commentId").stringValue()).isEqualTo("c-2");
			assertThat(reasonCodes(duplicate)).containsExactly("DUPLICATE");
			assertThat(duplicate.get("reasons").get(0).get("field").stringValue()).isEqualTo("content");
			assertThat(duplicate.get("reasons").get(0).get("message").stringValue())
				.contains("it looks as though you've already said that");
		}

		@Test
		void anotherPostAnotherAuthorOrAfterTheRetentionIsNoDuplicate() {
			submit(comment("c-1", "jane@example.org", null, "p", "Nice talk."), T0);
			submit(comment("c-2", "jane@example.org", null, "other-post", "Nice talk."), T0.plusSeconds(60));
			submit(comment("c-3", "sam@example.org", null, "p", "Nice talk."), T0.plusSeconds(120));
			submit(comment("c-4", "jane@example.org", null, "p", "Nice talk."), T0.plus(Duration.ofDays(8)));

			assertThat(driver.approved().readValuesToList()).hasSize(4);
			assertThat(driver.rejected().isEmpty()).isTrue();
		}

		@Test
		void aRejectedCommentIsNotRememberedAsSaid() {
			submit(comment("c-1", "jane@example.org", null, "p", "Win at the casino"), T0);
			submit(comment("c-2", "jane@example.org", null, "p", "Win at the casino"), T0.plusSeconds(60));

			assertThat(reasonCodes(driver.rejected().readValue())).containsExactly("BLOCKED_TERM");
			assertThat(reasonCodes(driver.rejected().readValue())).containsExactly("BLOCKED_TERM");
		}

	}

	@Nested
	class Flood {

		@Test
		void aSecondCommentFromTheSameEmailWithinFifteenSecondsIsAFlood() {
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "One."), T0);
			submit(comment("c-2", "jane@example.org", "198.51.100.1", "p", "Two."), T0.plusMillis(14_999));
			submit(comment("c-3", "jane@example.org", "198.51.100.2", "p", "Three."), T0.plusMillis(30_000));

			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-1", "c-3");
			JsonNode flood = json(driver.rejected().readValue());
			assertThat(flood.get("commentId").stringValue()).isEqualTo("c-2");
			assertThat(reasonCodes(flood)).containsExactly("FLOOD");
			assertThat(flood.get("reasons").get(0).get("field").stringValue()).isEqualTo("author.email");
		}

		@Test
		void aCommentFromTheSameIpWithinTheIntervalIsAFloodWhateverTheEmail() {
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "One."), T0);
			submit(comment("c-2", "sam@example.org", "203.0.113.7", "p", "Two."), T0.plusSeconds(5));
			submit(comment("c-3", "kim@example.org", "203.0.113.7", "p", "Three."), T0.plusSeconds(21));

			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-1", "c-3");
			JsonNode flood = json(driver.rejected().readValue());
			assertThat(reasonCodes(flood)).containsExactly("FLOOD");
			assertThat(flood.get("reasons").get(0).get("field").stringValue()).isEqualTo("author.ip");
		}

		@Test
		void theFloodIntervalIsConfigurableAndZeroTurnsItOff() {
			start(new StatefulSettings(Duration.ZERO, Duration.ofDays(7), Duration.ofDays(7), 1, Duration.ofDays(365),
					Duration.ofDays(30)));
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "One."), T0);
			submit(comment("c-2", "jane@example.org", "203.0.113.7", "p", "Two."), T0.plusSeconds(1));

			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-1", "c-2");
		}

	}

	@Nested
	class HeldCommentsAndTheReviewLoop {

		@Test
		void tooManyLinksAndHeldTermsHoldTheCommentWithItsReasons() {
			submit(comment("c-links", "jane@example.org", null, "p", "See http://a.example http://b.example http://c.example"), T0);
			submit(comment("c-term", "sam@example.org", null, "p", "I want a refund"), T0.plusSeconds(60));

			List<byte[]> heldDecisions = driver.held().readValuesToList();
			assertThat(heldDecisions).hasSize(2);
			JsonNode links = json(heldDecisions.get(0));
			assertThat(links.get("decision").stringValue()).isEqualTo("HELD");
			assertThat(reasonCodes(links)).containsExactly("TOO_MANY_LINKS");
			JsonNode term = json(heldDecisions.get(1));
			assertThat(reasonCodes(term)).containsExactly("HELD_TERM");
			assertThat(term.get("reasons").get(0).get("match").get("term").stringValue()).isEqualTo("refund");
			assertThat(driver.approved().isEmpty()).isTrue();
			assertThat(driver.rejected().isEmpty()).isTrue();
		}

		@Test
		void aRejectReasonWinsOverAHoldReasonAndTheDecisionCarriesBoth() {
			submit(comment("c-1", "jane@example.org", null, "p", "casino refund"), T0);

			assertThat(reasonCodes(driver.rejected().readValue())).containsExactly("BLOCKED_TERM", "HELD_TERM");
			assertThat(driver.held().isEmpty()).isTrue();
		}

		@Test
		void aModeratorApprovesAHeldCommentAndItsFinalDecisionCarriesTheVerdict() {
			submit(comment("c-1", "jane@example.org", null, "p", "I want a refund"), T0);
			assertThat(driver.held().readValuesToList()).hasSize(1);
			driver.advance(Duration.ofMinutes(42));
			review("c-1", "APPROVED", "anna", "Fair complaint.", T0.plusSeconds(60));

			JsonNode decision = json(driver.approved().readValue());
			assertThat(decision.get("decision").stringValue()).isEqualTo("APPROVED");
			assertThat(reasonCodes(decision)).containsExactly("HELD_TERM", "MODERATOR_APPROVED");
			JsonNode verdict = decision.get("reasons").get(1);
			assertThat(verdict.get("field").stringValue()).isEqualTo("review");
			assertThat(verdict.get("message").stringValue()).isEqualTo("Fair complaint.");
			assertThat(decision.get("review").get("moderator").stringValue()).isEqualTo("anna");
			assertThat(decision.get("review").get("note").stringValue()).isEqualTo("Fair complaint.");
			assertThat(decision.get("comment").get("commentId").stringValue()).isEqualTo("c-1");
			assertThat(driver.rejected().isEmpty()).isTrue();
			assertThat(turnarounds).containsExactly(Duration.ofMinutes(42));
			assertThat(events).contains("reviewed c-1 APPROVED");
		}

		@Test
		void aModeratorRejectsAHeldCommentWithADefaultMessageWhenThereIsNoNote() {
			submit(comment("c-1", "jane@example.org", null, "p", "I want a refund"), T0);
			review("c-1", "REJECTED", "anna", null, T0.plusSeconds(60));

			JsonNode decision = json(driver.rejected().readValue());
			assertThat(reasonCodes(decision)).containsExactly("HELD_TERM", "MODERATOR_REJECTED");
			assertThat(decision.get("reasons").get(1).get("message").stringValue()).isNotBlank();
			assertThat(decision.get("review").has("note")).isFalse();
			assertThat(driver.approved().isEmpty()).isTrue();
		}

		@Test
		void aReviewOfAnUnknownCommentIsDeadLetteredAsReceived() {
			submit(comment("c-auto", "sam@example.org", null, "p", "Nice."), T0);
			review("c-nobody", "APPROVED", "bob", null, T0.plusSeconds(63));

			TestRecord<byte[], byte[]> dead = driver.deadLetters().readRecord();
			assertThat(header(dead, DeadLetterHeaders.ERROR_CODE)).isEqualTo("REVIEW_UNKNOWN_COMMENT");
			assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(driver.topics().reviewed());
			assertThat(utf8(dead.key())).isEqualTo("review-key");
			assertThat(json(dead.value()).get("moderator").stringValue()).isEqualTo("bob");
			assertThat(driver.deadLetters().isEmpty()).isTrue();
		}

		@Test
		void aReviewOfACommentWhoseDecisionRetentionHasPassedIsDeadLetteredAsUnknown() {
			submit(comment("c-old", "sam@example.org", null, "p", "Nice."), T0);
			// stream time moves past the retention, so the old decision's segment is dropped
			submit(comment("c-new", "jane@example.org", null, "p", "Later."), T0.plus(Duration.ofDays(8)));
			review("c-old", "REJECTED", "bob", null, T0.plus(Duration.ofDays(8)).plusSeconds(1));

			assertThat(header(driver.deadLetters().readRecord(), DeadLetterHeaders.ERROR_CODE))
				.isEqualTo("REVIEW_UNKNOWN_COMMENT");
			assertThat(driver.rejected().isEmpty()).isTrue();
		}

		@Test
		void anUnusableReviewIsDeadLetteredAsReceived() {
			byte[] value = bytes("{\"commentId\":\"c-1\",\"decision\":\"MAYBE\",\"moderator\":\"anna\"}");
			driver.reviewed().pipeInput(new TestRecord<>(bytes("k"), value, new RecordHeaders(), T0));

			TestRecord<byte[], byte[]> dead = driver.deadLetters().readRecord();
			assertThat(dead.value()).isEqualTo(value);
			assertThat(header(dead, DeadLetterHeaders.ERROR_CODE)).isEqualTo("REVIEW_INVALID");
		}

		@Test
		void aResubmittedHeldCommentReEmitsHeldThenAfterReviewItsFinalDecision() {
			String held = comment("c-1", "jane@example.org", null, "p", "I want a refund");
			submit(held, T0);
			submit(held, T0.plusSeconds(30));
			assertThat(driver.held().readValuesToList()).hasSize(2);
			review("c-1", "APPROVED", "anna", null, T0.plusSeconds(60));
			byte[] fin = driver.approved().readValue();
			submit(held, T0.plusSeconds(90));

			assertThat(driver.approved().readValue()).isEqualTo(fin);
			assertThat(driver.held().isEmpty()).isTrue();
		}

		@Test
		void aHeldCommentNobodyReviewsIsRejectedAfterTheHeldRetention() {
			submit(comment("c-1", "jane@example.org", null, "p", "I want a refund"), T0);
			submit(comment("c-later", "sam@example.org", null, "p", "Much later."), T0.plus(Duration.ofDays(31)));

			JsonNode decision = json(driver.rejected().readValue());
			assertThat(decision.get("commentId").stringValue()).isEqualTo("c-1");
			assertThat(reasonCodes(decision)).containsExactly("HELD_TERM", "REVIEW_EXPIRED");
			assertThat(events).contains("expired c-1 REJECTED");
			assertThat(decision.get("revision").intValue()).isEqualTo(2);
			review("c-1", "APPROVED", "anna", null, T0.plus(Duration.ofDays(31)).plusSeconds(1));
			List<byte[]> approvals = driver.approved().readValuesToList();
			assertThat(commentIds(approvals)).containsExactly("c-later", "c-1");
			JsonNode rescued = json(approvals.get(1));
			assertThat(rescued.get("revision").intValue()).isEqualTo(3);
			assertThat(reasonCodes(rescued)).containsExactly("HELD_TERM", "MODERATOR_APPROVED");
		}

	}

	@Nested
	class TrustedAuthors {

		@Test
		void anAuthorWithAnApprovedCommentSkipsTheHoldRulesButNotTheRejectRules() {
			submit(comment("c-1", "jane@example.org", null, "p", "Nice talk."), T0);
			submit(comment("c-2", "jane@example.org", null, "p", "I want a refund"), T0.plusSeconds(60));
			submit(comment("c-3", "jane@example.org", null, "p", "casino refund"), T0.plusSeconds(120));

			List<byte[]> approvedDecisions = driver.approved().readValuesToList();
			assertThat(commentIds(approvedDecisions)).containsExactly("c-1", "c-2");
			assertThat(json(approvedDecisions.get(1)).get("reasons").size()).isZero();
			assertThat(reasonCodes(driver.rejected().readValue())).containsExactly("BLOCKED_TERM", "HELD_TERM");
			assertThat(driver.held().isEmpty()).isTrue();
		}

		@Test
		void aModeratorApprovalMakesTheAuthorTrusted() {
			submit(comment("c-1", "jane@example.org", null, "p", "I want a refund"), T0);
			review("c-1", "APPROVED", "anna", null, T0.plusSeconds(30));
			submit(comment("c-2", "jane@example.org", null, "p", "Another refund please"), T0.plusSeconds(60));

			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-1", "c-2");
			assertThat(driver.held().readValuesToList()).hasSize(1);
		}

		@Test
		void aSpamRejectionMeansTheAuthorIsNotTrusted() {
			submit(comment("c-1", "jane@example.org", null, "p", "Nice talk."), T0);
			submit(comment("c-2", "jane@example.org", null, "p", "casino"), T0.plusSeconds(60));
			submit(comment("c-3", "jane@example.org", null, "p", "I want a refund"), T0.plusSeconds(120));

			assertThat(commentIds(driver.held().readValuesToList())).containsExactly("c-3");
		}

		@Test
		void theNumberOfApprovedCommentsToBeTrustedIsConfigurable() {
			start(new StatefulSettings(Duration.ofSeconds(15), Duration.ofDays(7), Duration.ofDays(7), 2,
					Duration.ofDays(365), Duration.ofDays(30)));
			submit(comment("c-1", "jane@example.org", null, "p", "Nice talk."), T0);
			submit(comment("c-2", "jane@example.org", null, "p", "I want a refund"), T0.plusSeconds(60));
			submit(comment("c-3", "jane@example.org", null, "p", "Good point."), T0.plusSeconds(120));
			submit(comment("c-4", "jane@example.org", null, "p", "Still want that refund"), T0.plusSeconds(180));

			assertThat(commentIds(driver.held().readValuesToList())).containsExactly("c-2");
			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-1", "c-3", "c-4");
		}

	}

	@Nested
	class Keys {

		@Test
		void commentsWithoutAValidEmailAreRejectedWithoutStateAndEveryOutputIsKeyedByCommentId() {
			submit(comment("c-1", "not-an-address", "203.0.113.7", "p", "Hi."), T0);
			submit(comment("c-2", "jane@example.org", "203.0.113.7", "p", "Hi."), T0.plusSeconds(1));

			TestRecord<byte[], byte[]> invalid = driver.rejected().readRecord();
			assertThat(utf8(invalid.key())).isEqualTo("c-1");
			assertThat(reasonCodes(invalid.value())).containsExactly("EMAIL_INVALID");
			// the invalid one left no trace: no IP flood for the next comment from the same IP
			assertThat(utf8(driver.approved().readRecord().key())).isEqualTo("c-2");
		}

	}

	@Nested
	class CorrectionsAndRevisions {

		@Test
		void everyAutomaticDecisionHeldIncludedIsRevisionOne() {
			submit(comment("c-ok", "jane@example.org", null, "p", "Nice talk."), T0);
			submit(comment("c-no", "sam@example.org", null, "p", "casino"), T0.plusSeconds(1));
			submit(comment("c-held", "ann@example.org", null, "p", "I want a refund"), T0.plusSeconds(2));

			assertThat(json(driver.approved().readValue()).get("revision").intValue()).isEqualTo(1);
			assertThat(json(driver.rejected().readValue()).get("revision").intValue()).isEqualTo(1);
			assertThat(json(driver.held().readValue()).get("revision").intValue()).isEqualTo(1);
		}

		@Test
		void aModeratorTakesDownAnAutoApprovedCommentAsRevisionTwoMarkedSpam() {
			submit(comment("c-1", "jane@example.org", null, "p", "Great post, visit my shop"), T0);
			driver.approved().readValue();
			verdict("c-1", "REJECTED", null, "anna", "Link farm.", T0.plusSeconds(60));

			JsonNode correction = json(driver.rejected().readValue());
			assertThat(correction.get("revision").intValue()).isEqualTo(2);
			assertThat(reasonCodes(correction)).containsExactly("MODERATOR_REJECTED");
			assertThat(correction.get("review").get("moderator").stringValue()).isEqualTo("anna");
			assertThat(correction.get("review").get("spam").booleanValue()).isTrue();
			assertThat(correction.get("comment").get("content").stringValue()).isEqualTo("Great post, visit my shop");
			assertThat(events).contains("verdict REJECTED spam revision 2");
		}

		@Test
		void aModeratorRescuesAFalseRejectionKeepingTheAutomaticReasonsBeforeTheVerdict() {
			submit(comment("c-1", "jane@example.org", null, "p", "The casino in our town closed"), T0);
			driver.rejected().readValue();
			verdict("c-1", "APPROVED", null, "anna", null, T0.plusSeconds(60));

			JsonNode rescue = json(driver.approved().readValue());
			assertThat(rescue.get("revision").intValue()).isEqualTo(2);
			assertThat(reasonCodes(rescue)).containsExactly("BLOCKED_TERM", "MODERATOR_APPROVED");
			assertThat(rescue.get("review").has("spam")).isFalse();
		}

		@Test
		void aVerdictEqualToTheOutcomeEmitsNothingButIsRecorded() {
			submit(comment("c-1", "jane@example.org", null, "p", "Nice talk."), T0);
			driver.approved().readValue();
			verdict("c-1", "APPROVED", null, "anna", null, T0.plusSeconds(60));

			assertThat(driver.approved().isEmpty()).isTrue();
			assertThat(driver.rejected().isEmpty()).isTrue();
			assertThat(driver.deadLetters().isEmpty()).isTrue();
			assertThat(events).contains("verdict APPROVED unchanged at revision 1");
		}

		@Test
		void eachVerdictThatChangesTheOutcomeIsTheNextRevision() {
			submit(comment("c-1", "jane@example.org", null, "p", "I want a refund"), T0);
			verdict("c-1", "APPROVED", null, "anna", null, T0.plusSeconds(10));
			verdict("c-1", "REJECTED", false, "bob", "Off topic.", T0.plusSeconds(20));
			verdict("c-1", "REJECTED", true, "bob", null, T0.plusSeconds(30));
			verdict("c-1", "APPROVED", null, "cleo", null, T0.plusSeconds(40));

			assertThat(json(driver.held().readValue()).get("revision").intValue()).isEqualTo(1);
			List<JsonNode> approvals = driver.approved().readValuesToList().stream().map((d) -> json(d)).toList();
			List<JsonNode> rejections = driver.rejected().readValuesToList().stream().map((d) -> json(d)).toList();
			assertThat(approvals).extracting(d -> d.get("revision").intValue()).containsExactly(2, 4);
			assertThat(rejections).extracting(d -> d.get("revision").intValue()).containsExactly(3);
			assertThat(rejections.get(0).get("review").get("spam").booleanValue()).isFalse();
			assertThat(reasonCodes(approvals.get(1))).containsExactly("HELD_TERM", "MODERATOR_APPROVED");
			assertThat(events).contains("verdict REJECTED spam unchanged at revision 3");
		}

		@Test
		void aResubmissionAfterACorrectionReEmitsTheCorrection() {
			String comment = comment("c-1", "jane@example.org", null, "p", "Nice talk.");
			submit(comment, T0);
			driver.approved().readValue();
			verdict("c-1", "REJECTED", null, "anna", null, T0.plusSeconds(60));
			byte[] correction = driver.rejected().readValue();
			submit(comment, T0.plusSeconds(120));

			assertThat(driver.rejected().readValue()).isEqualTo(correction);
			assertThat(driver.approved().isEmpty()).isTrue();
		}

		@Test
		void takingBackTheOnlyApprovalMakesTheAuthorUntrustedAgain() {
			submit(comment("c-1", "jane@example.org", null, "p", "Nice talk."), T0);
			verdict("c-1", "REJECTED", false, "anna", "Off topic.", T0.plusSeconds(60));
			submit(comment("c-2", "jane@example.org", null, "p", "I want a refund"), T0.plusSeconds(120));

			assertThat(commentIds(driver.held().readValuesToList())).containsExactly("c-2");
		}

		@Test
		void aRejectionNotForSpamLeavesEarnedTrustWhileASpamOneRemovesIt() {
			submit(comment("c-1", "jane@example.org", null, "p", "Nice talk."), T0);
			submit(comment("c-2", "jane@example.org", null, "p", "Another good point."), T0.plusSeconds(60));
			verdict("c-2", "REJECTED", false, "anna", "Off topic.", T0.plusSeconds(70));
			submit(comment("c-3", "jane@example.org", null, "p", "I want a refund"), T0.plusSeconds(120));
			verdict("c-1", "REJECTED", true, "anna", null, T0.plusSeconds(130));
			submit(comment("c-4", "jane@example.org", null, "p", "Still want that refund"), T0.plusSeconds(180));

			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-1", "c-2", "c-3");
			assertThat(commentIds(driver.held().readValuesToList())).containsExactly("c-4");
		}

	}

	@Nested
	class AuthorActions {

		@Test
		void aBannedAuthorsCommentsAreRejectedWithAuthorBanned() {
			submit(comment("c-1", "jane@example.org", null, "p", "Nice talk."), T0);
			act("jane@example.org", "BAN", null, T0.plusSeconds(10));
			submit(comment("c-2", "  Jane@Example.org", null, "p", "Nice talk again."), T0.plusSeconds(60));

			JsonNode rejection = json(driver.rejected().readValue());
			assertThat(rejection.get("commentId").stringValue()).isEqualTo("c-2");
			assertThat(reasonCodes(rejection)).containsExactly("AUTHOR_BANNED");
			assertThat(rejection.get("reasons").get(0).get("field").stringValue()).isEqualTo("author.email");
		}

		@Test
		void aBanUntilATimeLapsesThen() {
			act("jane@example.org", "BAN", T0.plus(Duration.ofHours(1)), T0);
			submit(comment("c-1", "jane@example.org", null, "p", "During the ban."), T0.plusSeconds(60));
			submit(comment("c-2", "jane@example.org", null, "p", "After the ban."), T0.plus(Duration.ofHours(2)));

			assertThat(commentIds(driver.rejected().readValuesToList())).containsExactly("c-1");
			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-2");
		}

		@Test
		void aPremoderatedAuthorIsHeldEvenWhenTrusted() {
			submit(comment("c-1", "jane@example.org", null, "p", "Nice talk."), T0);
			act("jane@example.org", "PREMODERATE", null, T0.plusSeconds(10));
			submit(comment("c-2", "jane@example.org", null, "p", "Nice talk again."), T0.plusSeconds(60));

			JsonNode hold = json(driver.held().readValue());
			assertThat(hold.get("commentId").stringValue()).isEqualTo("c-2");
			assertThat(reasonCodes(hold)).containsExactly("AUTHOR_PREMODERATED");
		}

		@Test
		void aModeratorsTrustSkipsTheHoldRulesOfANewAuthorButNotTheRejectRules() {
			act("jane@example.org", "TRUST", null, T0);
			submit(comment("c-1", "jane@example.org", null, "p", "I want a refund"), T0.plusSeconds(60));
			submit(comment("c-2", "jane@example.org", null, "p", "casino"), T0.plusSeconds(120));

			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-1");
			assertThat(commentIds(driver.rejected().readValuesToList())).containsExactly("c-2");
		}

		@Test
		void aModeratorsTrustOverridesASpamMark() {
			submit(comment("c-1", "jane@example.org", null, "p", "casino"), T0);
			act("jane@example.org", "TRUST", null, T0.plusSeconds(10));
			submit(comment("c-2", "jane@example.org", null, "p", "I want a refund"), T0.plusSeconds(60));

			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-2");
		}

		@Test
		void aResetClearsTheActionAndTheEarnedStanding() {
			submit(comment("c-1", "jane@example.org", null, "p", "Nice talk."), T0);
			act("jane@example.org", "BAN", null, T0.plusSeconds(10));
			act("jane@example.org", "RESET", null, T0.plusSeconds(20));
			submit(comment("c-2", "jane@example.org", null, "p", "I want a refund"), T0.plusSeconds(60));

			assertThat(commentIds(driver.held().readValuesToList())).containsExactly("c-2");
			assertThat(driver.rejected().isEmpty()).isTrue();
		}

		@Test
		void anInvalidActionIsDeadLetteredAsReceivedWithAuthorActionInvalid() {
			byte[] value = bytes("{\"email\":\"jane@example.org\",\"action\":\"TRUST\",\"until\":\"2030-01-01T00:00:00Z\",\"moderator\":\"anna\"}");
			driver.authorActions().pipeInput(new TestRecord<>(bytes("jane@example.org"), value, new RecordHeaders(), T0));

			TestRecord<byte[], byte[]> dead = driver.deadLetters().readRecord();
			assertThat(dead.value()).isEqualTo(value);
			assertThat(header(dead, DeadLetterHeaders.ERROR_CODE)).isEqualTo("AUTHOR_ACTION_INVALID");
			assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(driver.topics().authorActions());
		}

	}

	@Nested
	class StagePath {

		static final String BY_IP_TOPIC = ModerationTopologyDriver.APPLICATION_ID + "-" + ModerationTopology.BY_IP
				+ "-repartition";

		static final String STATUS_TOPIC = ModerationTopologyDriver.APPLICATION_ID + "-"
				+ ModerationTopology.STATUS_BY_COMMENT + "-repartition";

		@Test
		void anApprovedOrRejectedCommentSendsNoStatusRecordToTheReviewStage() {
			submit(comment("c-1", "jane@example.org", null, "p", "Nice talk."), T0);
			submit(comment("c-2", "sam@example.org", null, "p", "casino"), T0.plusSeconds(1));

			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-1");
			assertThat(commentIds(driver.rejected().readValuesToList())).containsExactly("c-2");
			assertThat(driver.testDriver().producedTopicNames()).doesNotContain(STATUS_TOPIC);
		}

		@Test
		void aHeldCommentSendsItsStatusRecordToTheReviewStage() {
			submit(comment("c-1", "jane@example.org", null, "p", "I want a refund"), T0);

			assertThat(commentIds(driver.held().readValuesToList())).containsExactly("c-1");
			assertThat(driver.testDriver().producedTopicNames()).contains(STATUS_TOPIC);
		}

		@Test
		void theReviewStageKeepsAnApprovedCommentReadBackFromItsDecisionEvent() {
			submit(comment("c-1", "jane@example.org", null, "p", "Nice talk."), T0);

			CommentState kept = latest("c-1");
			assertThat(kept.decision()).isEqualTo(Decision.APPROVED);
			assertThat(kept.status().author()).isEqualTo("jane@example.org");
			assertThat(kept.status().receivedJson()).contains("Nice talk.");
		}

		@Test
		void aResubmissionsDecisionReadBackAgainKeepsTheVerdictsRecordedSince() {
			String comment = comment("c-1", "jane@example.org", null, "p", "Nice talk.");
			submit(comment, T0);
			verdict("c-1", "APPROVED", null, "anna", "Fine.", T0.plusSeconds(60));
			submit(comment, T0.plusSeconds(120));

			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-1", "c-1");
			assertThat(latest("c-1").verdicts()).extracting(RecordedVerdict::moderator).containsExactly("anna");
		}

		@Test
		void aRecordOnTheApprovedTopicThatIsNotADecisionEventIsDeadLetteredAsReceived() {
			byte[] value = bytes("not a decision");
			driver.testDriver()
				.createInputTopic(driver.topics().approved(), new ByteArraySerializer(), new ByteArraySerializer())
				.pipeInput(new TestRecord<>(bytes("c-9"), value, new RecordHeaders(), T0));

			TestRecord<byte[], byte[]> dead = driver.deadLetters().readRecord();
			assertThat(dead.value()).isEqualTo(value);
			assertThat(header(dead, DeadLetterHeaders.ERROR_CODE)).isEqualTo("PROCESSING_FAILED");
			assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(driver.topics().approved());
		}

		CommentState latest(String commentId) {
			WindowStore<String, CommentState> history = driver.testDriver()
				.getWindowStore(ModerationTopology.COMMENT_HISTORY);
			try (WindowStoreIterator<CommentState> all = history.backwardFetch(commentId, Instant.EPOCH,
					T0.plus(Duration.ofDays(1)))) {
				return all.hasNext() ? all.next().value : null;
			}
		}

		@Test
		void aCommentWithoutAnIpSkipsTheIpStage() {
			submit(comment("c-1", "jane@example.org", null, "p", "Nice talk."), T0);

			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-1");
			assertThat(driver.testDriver().producedTopicNames()).doesNotContain(BY_IP_TOPIC);
		}

		@Test
		void aCommentWithAnIpGoesThroughTheIpStage() {
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "Nice talk."), T0);

			assertThat(commentIds(driver.approved().readValuesToList())).containsExactly("c-1");
			assertThat(driver.testDriver().producedTopicNames()).contains(BY_IP_TOPIC);
		}

		@Test
		void noInternalHeaderLeavesTheTopology() {
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "Nice talk."), T0);
			submit(comment("c-2", "sam@example.org", "203.0.113.7", "p", "Too soon from this IP."),
					T0.plusSeconds(2));

			List<TestRecord<byte[], byte[]>> decisions = new ArrayList<>(driver.approved().readRecordsToList());
			decisions.addAll(driver.rejected().readRecordsToList());
			assertThat(decisions).hasSize(2);
			assertThat(decisions).allSatisfy((decision) -> assertThat(decision.headers().toArray())
				.extracting(Header::key)
				.noneMatch((key) -> key.startsWith("moderation.")));
		}

		@Test
		void eachAuthorAndEachIpIsOneKeyValueRecord() {
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "One."), T0);
			submit(comment("c-2", "jane@example.org", "203.0.113.7", "p", "Two."), T0.plusSeconds(60));

			KeyValueStore<String, AuthorRecord> authors = driver.testDriver().getKeyValueStore(ModerationTopology.AUTHOR_RECORDS);
			KeyValueStore<String, IpRecord> ips = driver.testDriver().getKeyValueStore(ModerationTopology.IP_RECORDS);
			AuthorRecord jane = authors.get("jane@example.org");
			assertThat(jane.approved()).isEqualTo(2);
			assertThat(jane.lastCommentAt()).isEqualTo(T0.plusSeconds(60).toEpochMilli());
			assertThat(jane.said()).hasSize(2);
			assertThat(ips.get("203.0.113.7").seen()).extracting(IpRecord.Seen::commentId)
				.containsExactly("c-1", "c-2");
		}

		@Test
		void anAuthorRecordIsDeletedOnceTheAuthorRetentionHasPassed() {
			start(new StatefulSettings(Duration.ofSeconds(15), Duration.ofDays(7), Duration.ofDays(7), 1,
					Duration.ofDays(30), Duration.ofDays(30)));
			// stream time is kept per partition: the later comment must land in jane's partitions to move it on
			String later = samePartition("jane@example.org", "author-%d@example.org");
			String laterIp = samePartition("203.0.113.7", "198.51.100.%d");
			submit(comment("c-1", "jane@example.org", "203.0.113.7", "p", "One."), T0);
			submit(comment("c-2", later, laterIp, "p", "Much later."), T0.plus(Duration.ofDays(31)));

			KeyValueStore<String, AuthorRecord> authors = driver.testDriver().getKeyValueStore(ModerationTopology.AUTHOR_RECORDS);
			KeyValueStore<String, IpRecord> ips = driver.testDriver().getKeyValueStore(ModerationTopology.IP_RECORDS);
			assertThat(authors.get("jane@example.org")).isNull();
			assertThat(authors.get(later)).isNotNull();
			assertThat(ips.get("203.0.113.7")).as("past the flood interval").isNull();
			assertThat(ips.get(laterIp)).isNotNull();
		}

		@Test
		void anAuthorKeepsTheirStandingWhileTheyComeBackWithinTheRetention() {
			start(new StatefulSettings(Duration.ofSeconds(15), Duration.ofDays(7), Duration.ofDays(7), 1,
					Duration.ofDays(30), Duration.ofDays(30)));
			submit(comment("c-1", "jane@example.org", null, "p", "One."), T0);
			submit(comment("c-2", "jane@example.org", null, "p", "Two."), T0.plus(Duration.ofDays(20)));
			submit(comment("c-3", "sam@example.org", null, "p", "Later."), T0.plus(Duration.ofDays(45)));
			submit(comment("c-4", "jane@example.org", null, "p", "I want a refund"), T0.plus(Duration.ofDays(45)));

			assertThat(commentIds(driver.approved().readValuesToList())).as("trusted: the held term does not hold her")
				.containsExactly("c-1", "c-2", "c-3", "c-4");
		}

	}

	/** A key made from {@code pattern} that the topology's repartition topics put where {@code key} is. */
	String samePartition(String key, String pattern) {
		int partition = partition(key);
		for (int i = 1;; i++) {
			String candidate = pattern.formatted(i);
			if (partition(candidate) == partition) {
				return candidate;
			}
		}
	}

	int partition(String key) {
		return Utils.toPositive(Utils.murmur2(bytes(key))) % this.driver.topics().partitions();
	}

	void verdict(String commentId, String decision, Boolean spam, String moderator, String note, Instant timestamp) {
		String value = "{\"commentId\":\"%s\",\"decision\":\"%s\",\"spam\":%s,\"moderator\":\"%s\",\"note\":%s}"
			.formatted(commentId, decision, spam, moderator, (note == null) ? "null" : "\"" + note + "\"");
		this.driver.review(commentId, value, timestamp);
	}

	void act(String email, String action, Instant until, Instant timestamp) {
		String value = "{\"email\":\"%s\",\"action\":\"%s\",\"until\":%s,\"moderator\":\"anna\"}".formatted(email,
				action, (until == null) ? "null" : "\"" + until + "\"");
		this.driver.act(email, value, timestamp);
	}

	void submit(String value, Instant timestamp) {
		this.driver.submit("site", value, timestamp);
	}

	void review(String commentId, String decision, String moderator, String note, Instant timestamp) {
		String value = "{\"commentId\":\"%s\",\"decision\":\"%s\",\"moderator\":\"%s\",\"note\":%s}".formatted(
				commentId, decision, moderator, (note == null) ? "null" : "\"" + note + "\"");
		this.driver.review("review-key", value, timestamp);
	}

	static String comment(String commentId, String email, String ip, String postId, String content) {
		return """
				{"commentId":"%s","postId":"%s","siteId":"example-news",
				 "author":{"name":"Jane Doe","email":"%s"%s},
				 "content":"%s"}""".formatted(commentId, postId, email,
				(ip == null) ? "" : ",\"ip\":\"" + ip + "\"", content);
	}

}
