package dev.commentmoderation.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

import dev.commentmoderation.stage.*;
import dev.commentmoderation.classifier.Features;
import dev.commentmoderation.events.CommentEventParser;
import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.StatefulModerator;

/**
 * The review stage, on the comment's partition (repartitions {@code decisions-by-comment} and
 * {@code reviews-by-comment}, both keyed by commentId). Keeps every decided comment for the decision retention
 * (window store {@value ModerationTopology#COMMENT_HISTORY}) and the held ones until their final decision
 * (key-value store {@value ModerationTopology#HELD_COMMENTS}, the moderators' queue). A moderator's verdict on
 * a held comment gives it its final decision; on an approved or rejected one it is a correction. Each verdict that
 * changes the outcome makes a new revision, emitted keyed by commentId and sent back to the author's partition; a
 * verdict equal to the outcome is recorded and changes nothing. A verdict for a comment it does not know (never
 * submitted, or past the decision retention) is dead-lettered as REVIEW_UNKNOWN_COMMENT.
 */
final class ReviewProcessor extends ContextualProcessor<byte[], byte[], byte[], Route> {

	static final Duration EXPIRY_SCAN_INTERVAL = Duration.ofMinutes(1);

	private final Duration heldRetention;

	private final Duration decisionRetention;

	private final DecisionWriter writer;

	private final ModerationListener listener;

	private final Clock clock;

	/** Null when the classifier is off: verdicts are then not labels. */
	private final CommentClassifier classifier;

	private final CommentEventParser parser = new CommentEventParser();

	private KeyValueStore<String, byte[]> held;

	private WindowStore<String, byte[]> history;

	ReviewProcessor(Duration heldRetention, Duration decisionRetention, DecisionWriter writer,
			ModerationListener listener, Clock clock, CommentClassifier classifier) {
		this.classifier = classifier;
		this.heldRetention = heldRetention;
		this.decisionRetention = decisionRetention;
		this.writer = writer;
		this.listener = listener;
		this.clock = clock;
	}

	@Override
	public void init(ProcessorContext<byte[], Route> context) {
		super.init(context);
		this.held = context.getStateStore(ModerationTopology.HELD_COMMENTS);
		this.history = context.getStateStore(ModerationTopology.COMMENT_HISTORY);
		context.schedule(EXPIRY_SCAN_INTERVAL, PunctuationType.STREAM_TIME, this::expire);
	}

	@Override
	public void process(Record<byte[], byte[]> record) {
		ToComment message = StateCodec.read(record.value(), ToComment.class);
		if (message.status() != null) {
			CommentStatus status = message.status();
			CommentState state = new CommentState(status, List.of(), List.of());
			if (status.decision() == Decision.HELD) {
				this.held.put(status.commentId(), StateCodec.write(state));
			}
			else {
				this.history.put(status.commentId(), StateCodec.write(state), record.timestamp());
			}
		}
		else if (message.review() != null) {
			review(record, message.review());
		}
	}

	private void review(Record<byte[], byte[]> record, ReviewRequest review) {
		CommentState state = current(review.commentId(), record.timestamp());
		if (state == null) {
			DeadLetterHeaders.Source source = new DeadLetterHeaders.Source(review.sourceTopic(),
					review.sourcePartition(), review.sourceOffset(), review.sourceTimestamp());
			InvalidEnvelopeException failure = new InvalidEnvelopeException(EnvelopeError.REVIEW_UNKNOWN_COMMENT,
					"Comment " + review.commentId() + " is unknown (never submitted, or its decision retention of "
							+ this.decisionRetention + " has passed)");
			context().forward(record.withKey(review.originalKey())
				.withHeaders(DeadLetterHeaders.of(record.headers(), source, failure))
				.withValue(new Route(Route.Destination.DEAD_LETTER, review.rawValue().getBytes(StandardCharsets.UTF_8))));
			this.listener.deadLettered(source, failure);
			return;
		}
		Instant now = this.clock.instant();
		Instant reviewedAt = (review.reviewedAt() != null) ? Instant.parse(review.reviewedAt()) : now;
		boolean spam = (review.spam() != null) ? review.spam() : review.decision() == Decision.REJECTED;
		label(record, state, review.decision() == Decision.APPROVED, spam);
		if (review.decision() == state.decision()) {
			RecordedVerdict verdict = new RecordedVerdict(review.decision(), spam,
					review.moderator(), review.note(), reviewedAt.toString(), false, state.revision());
			save(state.with(null, verdict), record.timestamp());
			this.listener.verdict(review.commentId(), state.decision(), review.decision(), spam, false,
					state.revision());
			return;
		}
		Reason reason = StatefulModerator.moderatorReason(review.decision(), review.moderator(), review.note());
		Revision revision = new Revision(state.revision() + 1, review.decision(), reason,
				now.toString(), review.moderator(), review.note(),
				(review.decision() == Decision.REJECTED) ? spam : null, reviewedAt.toString());
		RecordedVerdict verdict = new RecordedVerdict(review.decision(), spam, review.moderator(),
				review.note(), reviewedAt.toString(), true, revision.revision());
		revise(state, revision, verdict, spam, record.timestamp());
		this.listener.verdict(review.commentId(), state.decision(), review.decision(), spam, true,
				revision.revision());
	}

	/**
	 * Every verdict is a label for the classifier, corrections and verdicts that change nothing included (the model
	 * stage counts a comment once, with its latest label).
	 */
	private void label(Record<byte[], byte[]> record, CommentState state, boolean approved, boolean spam) {
		if (this.classifier == null) {
			return;
		}
		CommentStatus status = state.status();
		List<String> tokens = Features
			.of(this.parser.parse(status.receivedJson().getBytes(StandardCharsets.UTF_8),
					Instant.ofEpochMilli(status.heldTimestamp())).comment())
			.texts();
		for (LabelEvent event : this.classifier.labelEvents(status.commentId(), status.siteId(),
				CommentClassifier.label(approved, spam), tokens)) {
			context().forward(new Record<>(ModerateCommentProcessor.utf8(event.model()),
					new Route(Route.Destination.TO_MODEL, StateCodec.write(event)), record.timestamp(),
					new RecordHeaders()));
		}
	}

	/** The comment as known now: held, or decided within the decision retention; null when unknown. */
	private CommentState current(String commentId, long timestamp) {
		byte[] heldBytes = this.held.get(commentId);
		if (heldBytes != null) {
			return CommentState.read(heldBytes);
		}
		return AuthorProcessor.latest(this.history, commentId, timestamp - this.decisionRetention.toMillis())
			.map(CommentState::read)
			.orElse(null);
	}

	/** Held comments nobody reviewed within the held retention are rejected with REVIEW_EXPIRED. */
	private void expire(long streamTime) {
		List<CommentState> expired = new ArrayList<>();
		try (KeyValueIterator<String, byte[]> all = this.held.all()) {
			while (all.hasNext()) {
				KeyValue<String, byte[]> entry = all.next();
				CommentState state = CommentState.read(entry.value);
				if (state.status().heldTimestamp() + this.heldRetention.toMillis() <= streamTime) {
					expired.add(state);
				}
			}
		}
		Instant now = this.clock.instant();
		for (CommentState state : expired) {
			Revision revision = new Revision(state.revision() + 1, Decision.REJECTED,
					StatefulModerator.reviewExpired(this.heldRetention), now.toString(), null, null, null, null);
			revise(state, revision, null, false, streamTime);
			this.listener.reviewed(state.status().commentId(), Decision.REJECTED, true,
					Duration.ofMillis(Math.max(0L, now.toEpochMilli() - state.status().heldAtMillis())));
		}
	}

	/** Emits a new revision of the comment, tells its author's partition, and keeps it. */
	private void revise(CommentState state, Revision revision, RecordedVerdict verdict,
			boolean spam, long timestamp) {
		CommentStatus status = state.status();
		Decision previous = state.decision();
		CommentState revised = state.with(revision, verdict);
		byte[] json = Revisions.json(this.writer, revised, revised.revisions().size());
		byte[] commentKey = ModerateCommentProcessor.utf8(status.commentId());
		context().forward(new Record<>(commentKey,
				new Route(AuthorProcessor.destination(revision.decision()), json), timestamp, new RecordHeaders()));
		FinalDecision back = new FinalDecision(status.commentId(), status.author(),
				revision.decision(), Revisions.reasons(revised, revised.revisions().size()),
				new String(json, StandardCharsets.UTF_8), previous, spam, revision.revision(), status.siteId(),
				status.postId(), status.heldTimestamp());
		context().forward(new Record<>(ModerateCommentProcessor.utf8(status.author()),
				new Route(Route.Destination.BY_AUTHOR, StateCodec.write(new ToAuthor(null, back, null))),
				timestamp, new RecordHeaders()));
		if (previous == Decision.HELD && verdict != null) {
			Instant at = Instant.parse(revision.moderatedAt());
			this.listener.reviewed(status.commentId(), revision.decision(), false,
					Duration.ofMillis(Math.max(0L, at.toEpochMilli() - status.heldAtMillis())));
		}
		save(revised, timestamp);
	}

	private void save(CommentState state, long timestamp) {
		String commentId = state.status().commentId();
		if (state.decision() == Decision.HELD) {
			this.held.put(commentId, StateCodec.write(state));
		}
		else {
			this.held.delete(commentId);
			// never behind the first decision, so the latest entry is always the newest state
			this.history.put(commentId, StateCodec.write(state), Math.max(timestamp, state.status().heldTimestamp()));
		}
	}

}
