package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SubmissionSpeedCheckTest {

	private static final Instant SUBMITTED = Comments.SUBMITTED;

	private static Verdict renderedBeforeSubmission(long millis) {
		return Comments.valid().withTimes(SUBMITTED.minusMillis(millis), SUBMITTED).moderate();
	}

	@Test
	void submittingExactlyAtTheMinimumTimePasses() {
		assertThat(renderedBeforeSubmission(5_000).decision()).isEqualTo(Decision.APPROVED);
	}

	@Test
	void submittingOneMillisecondBeforeTheMinimumTimeIsTooFast() {
		assertThat(renderedBeforeSubmission(4_999).reasons()).containsExactly(new Reason(ReasonCode.SUBMITTED_TOO_FAST,
				"formRenderedAt", "Your comment was sent too quickly. Please wait a few seconds and try again."));
	}

	@Test
	void formRenderedAfterSubmissionIsTooFast() {
		assertThat(renderedBeforeSubmission(-60_000).reasons()).extracting(Reason::code)
			.containsExactly(ReasonCode.SUBMITTED_TOO_FAST);
	}

	@Test
	void missingTimestampSkipsTheCheck() {
		assertThat(Comments.valid().withTimes(null, SUBMITTED).moderate().decision()).isEqualTo(Decision.APPROVED);
		assertThat(Comments.valid().withTimes(SUBMITTED, null).moderate().decision()).isEqualTo(Decision.APPROVED);
	}

}
