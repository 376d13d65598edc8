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

import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.StatefulModerator;
import dev.commentmoderation.rules.Verdict;

/**
 * Review stage 2, on the comment's partition (repartitions {@code decisions-by-comment} and
 * {@code reviews-by-comment}, both keyed by commentId). Keeps held comments in key-value store
 * {@value ModerationTopology#HELD_COMMENTS} until a moderator's review (or the held retention) gives them their
 * final decision, and remembers final decisions in window store {@value ModerationTopology#FINAL_COMMENTS} for
 * the decision retention, so that a review of an unknown or already-final comment is dead-lettered saying which.
 * The final decision goes out keyed by commentId, and back to the author's partition for the author's standing
 * and for re-emission on resubmission.
 */
final class ReviewProcessor extends ContextualProcessor<byte[], byte[], byte[], Route> {

	static final Duration EXPIRY_SCAN_INTERVAL = Duration.ofMinutes(1);

	private final Duration heldRetention;

	private final Duration decisionRetention;

	private final DecisionWriter writer;

	private final ModerationListener listener;

	private final Clock clock;

	private KeyValueStore<String, byte[]> held;

	private WindowStore<String, String> finals;

	ReviewProcessor(Duration heldRetention, Duration decisionRetention, DecisionWriter writer,
			ModerationListener listener, Clock clock) {
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
		this.finals = context.getStateStore(ModerationTopology.FINAL_COMMENTS);
		context.schedule(EXPIRY_SCAN_INTERVAL, PunctuationType.STREAM_TIME, this::expire);
	}

	@Override
	public void process(Record<byte[], byte[]> record) {
		Internal.ToComment message = Internal.read(record.value(), Internal.ToComment.class);
		if (message.status() != null) {
			Internal.CommentStatus status = message.status();
			if (status.decision() == Decision.HELD) {
				this.held.put(status.commentId(), Internal.write(status));
			}
			else {
				this.finals.put(status.commentId(), status.decision().name(), record.timestamp());
			}
		}
		else if (message.review() != null) {
			review(record, message.review());
		}
	}

	private void review(Record<byte[], byte[]> record, Internal.ReviewRequest review) {
		byte[] heldBytes = this.held.get(review.commentId());
		if (heldBytes == null) {
			boolean known = AuthorProcessor
				.latest(this.finals, review.commentId(), record.timestamp() - this.decisionRetention.toMillis())
				.isPresent();
			EnvelopeError error = known ? EnvelopeError.REVIEW_ALREADY_FINAL : EnvelopeError.REVIEW_UNKNOWN_COMMENT;
			String message = known ? "Comment " + review.commentId() + " already has its final decision"
					: "Comment " + review.commentId() + " is unknown (never submitted, or forgotten)";
			DeadLetterHeaders.Source source = new DeadLetterHeaders.Source(review.sourceTopic(),
					review.sourcePartition(), review.sourceOffset(), review.sourceTimestamp());
			InvalidEnvelopeException failure = new InvalidEnvelopeException(error, message);
			context().forward(record.withKey(review.originalKey())
				.withHeaders(DeadLetterHeaders.of(record.headers(), source, failure))
				.withValue(new Route(Route.Destination.DEAD_LETTER, review.rawValue().getBytes(StandardCharsets.UTF_8))));
			this.listener.deadLettered(source, failure);
			return;
		}
		Internal.CommentStatus status = Internal.read(heldBytes, Internal.CommentStatus.class);
		Instant now = this.clock.instant();
		finish(status, review.decision(), StatefulModerator.moderatorReason(review.decision(), review.moderator(),
				review.note()), new DecisionWriter.Review(review.moderator(), review.note(), now), now,
				record.timestamp(), false);
	}

	/** Held comments nobody reviewed within the held retention are rejected with REVIEW_EXPIRED. */
	private void expire(long streamTime) {
		List<Internal.CommentStatus> expired = new ArrayList<>();
		try (KeyValueIterator<String, byte[]> all = this.held.all()) {
			while (all.hasNext()) {
				KeyValue<String, byte[]> entry = all.next();
				Internal.CommentStatus status = Internal.read(entry.value, Internal.CommentStatus.class);
				if (status.heldTimestamp() + this.heldRetention.toMillis() <= streamTime) {
					expired.add(status);
				}
			}
		}
		Instant now = this.clock.instant();
		for (Internal.CommentStatus status : expired) {
			finish(status, Decision.REJECTED, StatefulModerator.reviewExpired(this.heldRetention), null, now,
					streamTime, true);
		}
	}

	private void finish(Internal.CommentStatus status, Decision decision, Reason verdictReason,
			DecisionWriter.Review review, Instant now, long timestamp, boolean expired) {
		List<Reason> reasons = new ArrayList<>(status.reasons());
		reasons.add(verdictReason);
		Verdict verdict = new Verdict(decision, reasons, status.score());
		byte[] json = this.writer.write(status.commentId(), status.postId(), status.siteId(), verdict,
				status.policyVersion(), now, status.receivedJson(), review);
		byte[] commentKey = ModerateCommentProcessor.utf8(status.commentId());
		context().forward(new Record<>(commentKey, new Route(AuthorProcessor.destination(decision), json), timestamp,
				new RecordHeaders()));
		Internal.FinalDecision back = new Internal.FinalDecision(status.commentId(), status.author(), decision,
				reasons, new String(json, StandardCharsets.UTF_8));
		context().forward(new Record<>(ModerateCommentProcessor.utf8(status.author()),
				new Route(Route.Destination.BY_AUTHOR, Internal.write(new Internal.ToAuthor(null, back))), timestamp,
				new RecordHeaders()));
		this.held.delete(status.commentId());
		this.finals.put(status.commentId(), decision.name(), timestamp);
		this.listener.reviewed(status.commentId(), decision, expired,
				Duration.ofMillis(Math.max(0L, now.toEpochMilli() - status.heldAtMillis())));
	}

}
