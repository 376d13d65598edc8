package dev.commentmoderation.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Match;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleScore;
import dev.commentmoderation.rules.Score;
import dev.commentmoderation.rules.Verdict;

/** The review stage learns of approved and rejected comments from their decision events. */
class DecisionEventsTests {

	static final Instant MODERATED_AT = Instant.parse("2026-11-29T10:00:01.123Z");

	static final long TIMESTAMP = Instant.parse("2026-11-29T10:00:00Z").toEpochMilli();

	// escapes, a non-ASCII text and odd spacing: the comment must come back byte for byte
	static final String RECEIVED = """
			{"commentId":"c-1", "postId":"p","siteId":"example-news","content":"Caf\\u00e9 \u00fcber \\"quotes\\" \uD83D\uDE00",
			 "author":{"name":"Jane","email":"Jane@Example.org"},"submittedAt":"2026-11-29T10:00:00Z"}""";

	final DecisionWriter writer = new DecisionWriter();

	static List<Classification> classifications() {
		return java.util.Arrays.asList(null, new Classification(true, Double.NaN, List.of(), "m-3"),
				new Classification(false, 0.912345678, List.of(new Classification.Clue("casino", 0.99, 10, 16),
						new Classification.Clue("win", 0.8, -1, -1)), "m-4"));
	}

	@ParameterizedTest
	@MethodSource("classifications")
	void theFirstDecisionRendersBackToTheEventItWasReadFrom(Classification classification) {
		Verdict verdict = new Verdict(Decision.REJECTED,
				List.of(new Reason(ReasonCode.BLOCKED_TERM, "content", "Contains a blocked term",
						Match.ofTerm("casino", 3, 9)), new Reason(ReasonCode.LINK, "content", "Has a link")),
				new Score(new BigDecimal("3.5"), List.of(new RuleScore(ReasonCode.LINK, new BigDecimal("1.50"))),
						new BigDecimal("2"), new BigDecimal("5.0")));
		byte[] event = this.writer.write("c-1", "p", "example-news", verdict, "v7", MODERATED_AT, RECEIVED, 1, null,
				classification);

		CommentStatus status = DecisionEvents.firstDecision(event, TIMESTAMP).orElseThrow();

		assertThat(status.commentId()).isEqualTo("c-1");
		assertThat(status.author()).isEqualTo("jane@example.org");
		assertThat(status.decision()).isEqualTo(Decision.REJECTED);
		assertThat(status.receivedJson()).isEqualTo(RECEIVED);
		assertThat(status.heldTimestamp()).isEqualTo(TIMESTAMP);
		assertThat(Revisions.json(this.writer, new CommentState(status, List.of(), List.of()), 0)).isEqualTo(event);
	}

	@Test
	void aLaterRevisionIsNotAFirstDecision() {
		byte[] event = this.writer.write("c-1", "p", "example-news",
				new Verdict(Decision.APPROVED, List.of(), Score.NONE), "v7", MODERATED_AT, RECEIVED, 2, null, null);

		assertThat(DecisionEvents.firstDecision(event, TIMESTAMP)).isEmpty();
	}

	@Test
	void aRejectionOfACommentWithoutAValidEmailHasNoAuthorToKeepItFor() {
		String noEmail = RECEIVED.replace("Jane@Example.org", "not an address");
		byte[] event = this.writer.write("c-1", "p", "example-news",
				new Verdict(Decision.REJECTED, List.of(new Reason(ReasonCode.EMAIL_INVALID, "author.email", "bad")),
						Score.NONE),
				"v7", MODERATED_AT, noEmail, 1, null, null);

		assertThat(DecisionEvents.firstDecision(event, TIMESTAMP)).isEqualTo(Optional.empty());
	}

	@Test
	void aRejectionOfACommentWhoseEmailIsNotAStringHasNoAuthorEither() {
		String objectEmail = RECEIVED.replace("\"Jane@Example.org\"", "{\"address\":\"jane@example.org\"}");
		byte[] event = this.writer.write("c-1", "p", "example-news",
				new Verdict(Decision.REJECTED, List.of(new Reason(ReasonCode.EMAIL_REQUIRED, "author.email", "none")),
						Score.NONE),
				"v7", MODERATED_AT, objectEmail, 1, null, null);

		assertThat(DecisionEvents.firstDecision(event, TIMESTAMP)).isEmpty();
	}

	@Test
	void bytesThatAreNotADecisionEventAreAnError() {
		assertThatThrownBy(() -> DecisionEvents.firstDecision("{not json".getBytes(StandardCharsets.UTF_8), TIMESTAMP))
			.isInstanceOf(RuntimeException.class);
	}

}
