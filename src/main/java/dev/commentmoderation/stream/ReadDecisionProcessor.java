package dev.commentmoderation.stream;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Record;

import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.stage.CommentStatus;
import dev.commentmoderation.stage.DecisionEvents;
import dev.commentmoderation.stage.ToComment;

/**
 * On the approved and rejected topics' partitions (keyed by commentId, so co-partitioned with the review stage's
 * repartition topics): a comment's first decision, read back from its event ({@link DecisionEvents}), to the review
 * stage on the same partition, without a repartition hop. Later revisions (the review stage's own) and decisions on
 * comments without a valid author are passed over. A record that is not a decision event (written to the topic by
 * something else) is dead-lettered as received.
 */
final class ReadDecisionProcessor extends RoutingProcessor<String, byte[]> {

	ReadDecisionProcessor(ModerationListener listener) {
		super(listener);
	}

	@Override
	public void process(Record<String, byte[]> record) {
		Optional<CommentStatus> status;
		try {
			status = DecisionEvents.firstDecision(record.value(), record.timestamp());
		}
		catch (RuntimeException ex) {
			deadLetter(record, source(record),
					new InvalidEnvelopeException(EnvelopeError.PROCESSING_FAILED,
							"Not a ModerationDecision event: " + ex.getClass().getSimpleName(), ex),
					(record.key() != null) ? record.key().getBytes(StandardCharsets.UTF_8) : null, record.value());
			return;
		}
		status.ifPresent((first) -> forward(record, Route.toComment(first.commentId(), new ToComment(first, null))));
	}

}
