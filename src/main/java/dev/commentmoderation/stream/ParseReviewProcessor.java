package dev.commentmoderation.stream;

import org.apache.kafka.streams.processor.api.Record;

import dev.commentmoderation.stage.*;
import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.events.ReviewParser;

/**
 * Review stage 1, on the reviewed topic's partitions: parses a moderator's review; an unusable one goes, as
 * received, to the dead-letter topic. A usable one goes on, keyed by commentId, to the review stage, with where
 * it came from, so that it can still be dead-lettered as received there.
 */
final class ParseReviewProcessor extends RoutingProcessor<byte[], byte[]> {

	private final ReviewParser parser = new ReviewParser();

	ParseReviewProcessor(ModerationListener listener) {
		super(listener);
	}

	@Override
	public void process(Record<byte[], byte[]> record) {
		DeadLetterHeaders.Source source = source(record);
		try {
			ReviewParser.Review review = this.parser.parse(record.value());
			ReviewRequest request = new ReviewRequest(review.commentId(), review.decision(),
					review.moderator(), review.note(), review.receivedJson(), record.key(), source.topic(),
					source.partition(), source.offset(), source.timestamp(), review.spam(),
					(review.reviewedAt() != null) ? review.reviewedAt().toString() : null);
			forward(record, Route.toComment(review.commentId(), new ToComment(null, request)));
		}
		catch (InvalidEnvelopeException ex) {
			deadLetter(record, source, ex, record.key(), record.value());
		}
		catch (RuntimeException ex) {
			deadLetter(record, source, new InvalidEnvelopeException(EnvelopeError.PROCESSING_FAILED,
					"Review failed: " + ex.getClass().getSimpleName(), ex), record.key(), record.value());
		}
	}

}
