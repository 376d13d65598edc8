package dev.commentmoderation.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.stage.CommentState;
import dev.commentmoderation.stage.FinalDecision;
import dev.commentmoderation.stage.LabelEvent;
import dev.commentmoderation.stage.ReviewRequest;
import dev.commentmoderation.stage.ReviewStage;
import dev.commentmoderation.stage.ToAuthor;
import dev.commentmoderation.stage.ToComment;

/**
 * The review stage's adapter ({@link ReviewStage}), on the comment's partition (repartitions
 * {@code decisions-by-comment} and {@code reviews-by-comment}, both keyed by commentId): stores
 * {@value ModerationTopology#HELD_COMMENTS} (the moderators' queue) and {@value ModerationTopology#COMMENT_HISTORY}
 * (every decided comment, for the decision retention). A verdict for a comment it does not know is dead-lettered
 * as REVIEW_UNKNOWN_COMMENT. Every minute of stream time, held comments past the held retention expire.
 */
final class ReviewProcessor extends RoutingProcessor<String, ToComment> {

	static final Duration EXPIRY_SCAN_INTERVAL = Duration.ofMinutes(1);

	private final ReviewStage stage;

	private KeyValueStore<String, CommentState> held;

	private ReviewStage.State state;

	ReviewProcessor(ReviewStage stage, ModerationListener listener) {
		super(listener);
		this.stage = stage;
	}

	@Override
	public void init(ProcessorContext<Object, Route> context) {
		super.init(context);
		this.held = context.getStateStore(ModerationTopology.HELD_COMMENTS);
		this.state = new ReviewStage.State(StoreViews.keyValue(this.held),
				StoreViews.<CommentState>timed(context.getStateStore(ModerationTopology.COMMENT_HISTORY)));
		context.schedule(EXPIRY_SCAN_INTERVAL, PunctuationType.STREAM_TIME, this::expire);
	}

	@Override
	public void process(Record<String, ToComment> record) {
		ToComment message = record.value();
		if (message.status() != null) {
			this.stage.decided(message.status(), record.timestamp(), this.state);
		}
		else if (message.review() != null) {
			ReviewRequest review = message.review();
			if (!this.stage.review(review, record.timestamp(), this.state, new Outputs(record.timestamp()))) {
				DeadLetterHeaders.Source source = new DeadLetterHeaders.Source(review.sourceTopic(),
						review.sourcePartition(), review.sourceOffset(), review.sourceTimestamp());
				deadLetter(record, source,
						new InvalidEnvelopeException(EnvelopeError.REVIEW_UNKNOWN_COMMENT,
								"Comment " + review.commentId() + " is unknown (never submitted, or its decision "
										+ "retention of " + this.stage.decisionRetention() + " has passed)"),
						review.originalKey(), review.rawValue().getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	private void expire(long streamTime) {
		List<CommentState> held = new ArrayList<>();
		try (KeyValueIterator<String, CommentState> all = this.held.all()) {
			all.forEachRemaining((entry) -> held.add(entry.value));
		}
		this.stage.expire(streamTime, held, this.state, new Outputs(streamTime));
	}

	/** The stage's results as records at {@code timestamp}. */
	private final class Outputs implements ReviewStage.Outputs {

		private final long timestamp;

		Outputs(long timestamp) {
			this.timestamp = timestamp;
		}

		@Override
		public void decision(String commentId, Decision decision, byte[] json) {
			send(Route.decision(decision, commentId, json));
		}

		@Override
		public void toAuthor(String author, FinalDecision decision) {
			send(Route.byAuthor(author, Encoded.of(new ToAuthor(null, decision, null))));
		}

		@Override
		public void label(LabelEvent label) {
			send(Route.toModel(label));
		}

		@Override
		public void verdict(String commentId, Decision from, Decision to, boolean spam, boolean changed,
				int revision) {
			ReviewProcessor.this.listener.verdict(commentId, from, to, spam, changed, revision);
		}

		@Override
		public void reviewed(String commentId, Decision decision, boolean expired, Duration waited) {
			ReviewProcessor.this.listener.reviewed(commentId, decision, expired, waited);
		}

		private void send(Route route) {
			context().forward(new Record<>(route.key(), route, this.timestamp, new RecordHeaders()));
		}

	}

}
