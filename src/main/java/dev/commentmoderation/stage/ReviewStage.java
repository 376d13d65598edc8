package dev.commentmoderation.stage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.commentmoderation.classifier.Features;
import dev.commentmoderation.events.CommentEventParser;
import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.StatefulModerator;

/**
 * The review stage, on the comment's partition. Keeps every decided comment for the decision retention and the held
 * ones until their final decision (the moderators' queue). A moderator's verdict on a held comment gives it its final
 * decision; on an approved or rejected one it is a correction. Each verdict that changes the outcome makes a new
 * revision, emitted and sent back to the author's partition; a verdict equal to the outcome is recorded and changes
 * nothing. Held comments nobody reviewed within the held retention are rejected with REVIEW_EXPIRED.
 */
public final class ReviewStage {

	/** The stores of the review stage. */
	public record State(Store<String, CommentState> held, TimedStore<CommentState> history) {
	}

	/** Where the stage's results go, and what it tells the metrics. */
	public interface Outputs {

		/** A new revision of a comment's decision, as written. */
		void decision(String commentId, Decision decision, byte[] json);

		/** The new outcome, for the author's partition. */
		void toAuthor(String author, FinalDecision decision);

		/** A verdict as a label for the classifier's model. */
		void label(LabelEvent label);

		/** A verdict: {@code changed} false when it equalled the outcome it found. */
		void verdict(String commentId, Decision from, Decision to, boolean spam, boolean changed, int revision);

		/** A held comment's final decision ({@code expired}: nobody reviewed it), after {@code waited}. */
		void reviewed(String commentId, Decision decision, boolean expired, Duration waited);

	}

	private final Duration heldRetention;

	private final Duration decisionRetention;

	private final DecisionWriter writer;

	private final Clock clock;

	/** Null when the classifier is off: verdicts are then not labels. */
	private final CommentClassifier classifier;

	private final CommentEventParser parser = new CommentEventParser();

	public ReviewStage(Duration heldRetention, Duration decisionRetention, DecisionWriter writer, Clock clock,
			CommentClassifier classifier) {
		this.heldRetention = heldRetention;
		this.decisionRetention = decisionRetention;
		this.writer = writer;
		this.clock = clock;
		this.classifier = classifier;
	}

	public Duration decisionRetention() {
		return this.decisionRetention;
	}

	/**
	 * A comment's first decision: held (the author stage's status record), or approved or rejected (read back from its
	 * decision event), kept for corrections. A comment known already is left as it is: a resubmission's decision
	 * read back again must not undo its revisions and verdicts.
	 */
	public void decided(CommentStatus status, long timestamp, State state) {
		if (current(status.commentId(), timestamp, state) != null) {
			return;
		}
		CommentState comment = new CommentState(status, List.of(), List.of());
		if (status.decision() == Decision.HELD) {
			state.held().put(status.commentId(), comment);
		}
		else {
			state.history().put(status.commentId(), comment, timestamp);
		}
	}

	/**
	 * A moderator's verdict.
	 *
	 * @return false when the comment is unknown (never submitted, or past the decision retention): nothing done
	 */
	public boolean review(ReviewRequest review, long timestamp, State state, Outputs outputs) {
		CommentState comment = current(review.commentId(), timestamp, state);
		if (comment == null) {
			return false;
		}
		Instant now = this.clock.instant();
		Instant reviewedAt = (review.reviewedAt() != null) ? Instant.parse(review.reviewedAt()) : now;
		boolean spam = (review.spam() != null) ? review.spam() : review.decision() == Decision.REJECTED;
		label(comment, review.decision() == Decision.APPROVED, spam, outputs);
		if (review.decision() == comment.decision()) {
			RecordedVerdict verdict = new RecordedVerdict(review.decision(), spam, review.moderator(), review.note(),
					reviewedAt.toString(), false, comment.revision());
			save(comment.with(null, verdict), timestamp, state);
			outputs.verdict(review.commentId(), comment.decision(), review.decision(), spam, false,
					comment.revision());
			return true;
		}
		Reason reason = StatefulModerator.moderatorReason(review.decision(), review.moderator(), review.note());
		Revision revision = new Revision(comment.revision() + 1, review.decision(), reason, now.toString(),
				review.moderator(), review.note(), (review.decision() == Decision.REJECTED) ? spam : null,
				reviewedAt.toString());
		RecordedVerdict verdict = new RecordedVerdict(review.decision(), spam, review.moderator(), review.note(),
				reviewedAt.toString(), true, revision.revision());
		revise(comment, revision, verdict, spam, timestamp, state, outputs);
		outputs.verdict(review.commentId(), comment.decision(), review.decision(), spam, true, revision.revision());
		return true;
	}

	/** Rejects with REVIEW_EXPIRED the held comments nobody reviewed within the held retention. */
	public void expire(long streamTime, Iterable<CommentState> held, State state, Outputs outputs) {
		List<CommentState> expired = new ArrayList<>();
		for (CommentState comment : held) {
			if (comment.status().heldTimestamp() + this.heldRetention.toMillis() <= streamTime) {
				expired.add(comment);
			}
		}
		Instant now = this.clock.instant();
		for (CommentState comment : expired) {
			Revision revision = new Revision(comment.revision() + 1, Decision.REJECTED,
					StatefulModerator.reviewExpired(this.heldRetention), now.toString(), null, null, null, null);
			revise(comment, revision, null, false, streamTime, state, outputs);
			outputs.reviewed(comment.status().commentId(), Decision.REJECTED, true,
					Duration.ofMillis(Math.max(0L, now.toEpochMilli() - comment.status().heldAtMillis())));
		}
	}

	/**
	 * Every verdict is a label for the classifier, corrections and verdicts that change nothing included (the model
	 * stage counts a comment once, with its latest label).
	 */
	private void label(CommentState comment, boolean approved, boolean spam, Outputs outputs) {
		if (this.classifier == null) {
			return;
		}
		CommentStatus status = comment.status();
		List<String> tokens = Features
			.of(this.parser.parse(status.receivedJson().getBytes(StandardCharsets.UTF_8),
					Instant.ofEpochMilli(status.heldTimestamp())).comment())
			.texts();
		for (LabelEvent event : this.classifier.labelEvents(status.commentId(), status.siteId(),
				CommentClassifier.label(approved, spam), tokens)) {
			outputs.label(event);
		}
	}

	/** The comment as known now: held, or decided within the decision retention; null when unknown. */
	private CommentState current(String commentId, long timestamp, State state) {
		CommentState held = state.held().get(commentId);
		return (held != null) ? held
				: state.history().latest(commentId, timestamp - this.decisionRetention.toMillis());
	}

	/** Emits a new revision of the comment, tells its author's partition, and keeps it. */
	private void revise(CommentState comment, Revision revision, RecordedVerdict verdict, boolean spam,
			long timestamp, State state, Outputs outputs) {
		CommentStatus status = comment.status();
		Decision previous = comment.decision();
		CommentState revised = comment.with(revision, verdict);
		byte[] json = Revisions.json(this.writer, revised, revised.revisions().size());
		outputs.decision(status.commentId(), revision.decision(), json);
		outputs.toAuthor(status.author(),
				new FinalDecision(status.commentId(), status.author(), revision.decision(),
						Revisions.reasons(revised, revised.revisions().size()),
						new String(json, StandardCharsets.UTF_8), previous, spam, revision.revision(),
						status.siteId(), status.postId(), status.heldTimestamp()));
		if (previous == Decision.HELD && verdict != null) {
			Instant at = Instant.parse(revision.moderatedAt());
			outputs.reviewed(status.commentId(), revision.decision(), false,
					Duration.ofMillis(Math.max(0L, at.toEpochMilli() - status.heldAtMillis())));
		}
		save(revised, timestamp, state);
	}

	private void save(CommentState comment, long timestamp, State state) {
		String commentId = comment.status().commentId();
		if (comment.decision() == Decision.HELD) {
			state.held().put(commentId, comment);
		}
		else {
			state.held().delete(commentId);
			// never behind the first decision, so the latest entry is always the newest state
			state.history().put(commentId, comment, Math.max(timestamp, comment.status().heldTimestamp()));
		}
	}

}
