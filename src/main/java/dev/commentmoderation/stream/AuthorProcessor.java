package dev.commentmoderation.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.stage.AuthorComment;
import dev.commentmoderation.stage.AuthorRecord;
import dev.commentmoderation.stage.AuthorStage;
import dev.commentmoderation.stage.PendingComment;
import dev.commentmoderation.stage.StoredAction;
import dev.commentmoderation.stage.StoredDecision;
import dev.commentmoderation.stage.ToAuthor;
import dev.commentmoderation.stage.ToComment;

/**
 * The author stage's adapter ({@link AuthorStage}), on the author's partition (repartitions {@code comments-by-author}
 * and {@code reviews-by-author}, both keyed by normalized author email): comments, later outcomes of reviewed
 * comments, and moderators' actions on authors. A decision goes to its output topic keyed by commentId, and its
 * status to the review stage. Author records untouched for the author retention are deleted.
 */
final class AuthorProcessor extends RoutingProcessor<String, Encoded<ToAuthor>> {

	private final AuthorStage stage;

	private final Clock clock;

	/** Whether this processor purges expired author records (one of the two processors over the stores does). */
	private final boolean purges;

	private KeyValueStore<String, AuthorRecord> records;

	private AuthorStage.State state;

	AuthorProcessor(AuthorStage stage, ModerationListener listener, Clock clock, boolean purges) {
		super(listener);
		this.stage = stage;
		this.clock = clock;
		this.purges = purges;
	}

	@Override
	public void init(ProcessorContext<Object, Route> context) {
		super.init(context);
		this.records = context.getStateStore(ModerationTopology.AUTHOR_RECORDS);
		this.state = new AuthorStage.State(StoreViews.keyValue(this.records),
				StoreViews.<StoredDecision>timed(context.getStateStore(ModerationTopology.DECISIONS)),
				StoreViews.<StoredAction>keyValue(context.getStateStore(ModerationTopology.AUTHOR_ACTIONS)),
				StoreViews.<AuthorComment>timed(context.getStateStore(ModerationTopology.AUTHOR_COMMENTS)));
		if (this.purges) {
			context.schedule(ModerationTopology.PURGE_INTERVAL, PunctuationType.STREAM_TIME,
					(streamTime) -> purge(this.records,
							(record) -> this.stage.expired(record, streamTime)));
		}
	}

	@Override
	public void process(Record<String, Encoded<ToAuthor>> record) {
		Long previousFromIp = InternalHeaders.number(record.headers(), InternalHeaders.PREVIOUS_FROM_IP);
		InternalHeaders.removeAll(record.headers());
		ToAuthor message = record.value().value();
		if (message.comment() != null) {
			PendingComment comment = message.comment();
			if (previousFromIp == null) {
				previousFromIp = comment.previousFromIp(); // set in the value by versions before the headers
			}
			try {
				moderate(record, comment, previousFromIp);
			}
			catch (RuntimeException ex) {
				// a failure of the service's own code dead-letters the comment as received rather than stopping the
				// stream, as in the first stage (source: the internal repartition topic)
				deadLetter(record, source(record),
						new InvalidEnvelopeException(EnvelopeError.PROCESSING_FAILED,
								"Moderation failed: " + ex.getClass().getSimpleName(), ex),
						comment.commentId().getBytes(StandardCharsets.UTF_8),
						comment.receivedJson().getBytes(StandardCharsets.UTF_8));
			}
		}
		else if (message.reviewed() != null) {
			this.stage.reviewed(message.reviewed(), record.timestamp(), this.state);
		}
		else if (message.action() != null) {
			this.stage.act(message.action(), record.timestamp(), this.state);
		}
	}

	private void moderate(Record<String, Encoded<ToAuthor>> record, PendingComment comment, Long previousFromIp) {
		long started = System.nanoTime();
		AuthorStage.Result result = this.stage.moderate(comment,
				(previousFromIp != null) ? Instant.ofEpochMilli(previousFromIp) : null, record.timestamp(),
				this.state);
		if (result instanceof AuthorStage.Resubmitted resubmitted) {
			forward(record, Route.decision(resubmitted.decision().decision(), comment.commentId(),
					resubmitted.decision().json().getBytes(StandardCharsets.UTF_8)));
			this.listener.resubmitted(comment.commentId(), resubmitted.decision().decision());
		}
		else if (result instanceof AuthorStage.Decided decided) {
			forward(record, Route.decision(decided.verdict().decision(), comment.commentId(), decided.json()));
			if (decided.verdict().decision() == Decision.HELD) {
				// only held comments need a status record: the review stage reads the others' decision events
				forward(record, Route.toComment(comment.commentId(), new ToComment(decided.status(), null)));
			}
			this.listener.decided(comment.commentId(), decided.site(), decided.verdict(),
					Duration.ofNanos(System.nanoTime() - started));
			this.listener.decisionLatency(sinceSubmitted(record.timestamp(), this.clock));
		}
	}

}
