package dev.commentmoderation.dryrun;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.Score;
import dev.commentmoderation.rules.Verdict;

/**
 * What the service would do with one line: a decision, or the dead-letter topic. Holds no author data and no
 * comment text, only the commentId.
 *
 * @param line the line number in the file (1 for the first)
 * @param commentId null for a dead letter
 * @param site the policy's site key that applied; null for a dead letter
 * @param decision null for a dead letter
 * @param deadLetter why the line went to the dead-letter topic; null when it got a decision
 * @param score the comment's score; {@link Score#NONE} for a dead letter
 * @param reasons the reason codes the decision carries, each once, in order (none when approved)
 * @param resubmission whether this is the decision of an earlier line with the same commentId, re-emitted
 * @param classification the spam classifier's view of the comment (with {@code --model}); null without a model,
 * and for a comment the service decides in its first stage (no valid email) or a dead letter, as the service
 */
record Outcome(int line, String commentId, String site, Decision decision, EnvelopeError deadLetter, Score score,
		List<ReasonCode> reasons, boolean resubmission, Classification classification) {

	/** The label of a line that never gets a decision. */
	static final String DEAD_LETTER = "DEAD_LETTER";

	Outcome {
		Objects.requireNonNull(score, "score");
		reasons = List.copyOf(reasons);
		if ((decision == null) == (deadLetter == null)) {
			throw new IllegalArgumentException("an outcome is a decision or a dead letter");
		}
	}

	static Outcome decided(int line, String commentId, String site, Verdict verdict) {
		return decided(line, commentId, site, verdict, null);
	}

	static Outcome decided(int line, String commentId, String site, Verdict verdict, Classification classification) {
		Set<ReasonCode> codes = new LinkedHashSet<>();
		for (Reason reason : verdict.reasons()) {
			codes.add(reason.code());
		}
		return new Outcome(line, commentId, site, verdict.decision(), null, verdict.score(), List.copyOf(codes),
				false, classification);
	}

	static Outcome deadLettered(int line, EnvelopeError error) {
		return new Outcome(line, null, null, null, error, Score.NONE, List.of(), false, null);
	}

	/** The same decision, re-emitted for a resubmission on another line. */
	Outcome resubmittedOn(int otherLine) {
		return new Outcome(otherLine, this.commentId, this.site, this.decision, null, this.score, this.reasons, true,
				this.classification);
	}

	boolean isDeadLetter() {
		return this.deadLetter != null;
	}

	/** APPROVED, HELD, REJECTED or DEAD_LETTER. */
	String label() {
		return isDeadLetter() ? DEAD_LETTER : this.decision.name();
	}

	/** Whether a moderator would see a difference: another decision, or another set of reason codes. */
	boolean differsFrom(Outcome other) {
		return !label().equals(other.label()) || !Set.copyOf(this.reasons).equals(Set.copyOf(other.reasons));
	}

}
