package dev.commentmoderation.rules;

import java.time.Duration;
import java.util.List;

/**
 * A form submitted less than {@link RuleSettings#minSubmitTime()} after it was rendered was most likely
 * filled by a bot. A form rendered after it was submitted (a negative duration) counts as too fast too.
 * Skipped when either timestamp is missing.
 */
final class SubmissionSpeedCheck implements ModerationRule {

	private final Duration minSubmitTime;

	SubmissionSpeedCheck(RuleSettings settings) {
		this.minSubmitTime = settings.minSubmitTime() == null ? Duration.ZERO : settings.minSubmitTime();
	}

	@Override
	public void check(Comment comment, List<Reason> reasons) {
		if (comment.submittedAt() == null || comment.formRenderedAt() == null) {
			return;
		}
		Duration elapsed = Duration.between(comment.formRenderedAt(), comment.submittedAt());
		if (elapsed.isNegative() || elapsed.compareTo(minSubmitTime) < 0) {
			reasons.add(new Reason(ReasonCode.SUBMITTED_TOO_FAST, Field.FORM_RENDERED_AT,
					"Your comment was sent too quickly. Please wait a few seconds and try again."));
		}
	}

}
