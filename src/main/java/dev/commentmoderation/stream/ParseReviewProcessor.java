package dev.commentmoderation.stream;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
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
final class ParseReviewProcessor extends ContextualProcessor<byte[], byte[], byte[], Route> {

	private final ReviewParser parser = new ReviewParser();

	private final ModerationListener listener;

	ParseReviewProcessor(ModerationListener listener) {
		this.listener = listener;
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
			context().forward(record.withKey(ModerateCommentProcessor.utf8(review.commentId()))
				.withValue(new Route(Route.Destination.TO_COMMENT,
						StateCodec.write(new ToComment(null, request)))));
		}
		catch (InvalidEnvelopeException ex) {
			deadLetter(record, source, ex);
		}
		catch (RuntimeException ex) {
			deadLetter(record, source, new InvalidEnvelopeException(EnvelopeError.PROCESSING_FAILED,
					"Review failed: " + ex.getClass().getSimpleName(), ex));
		}
	}

	private void deadLetter(Record<byte[], byte[]> record, DeadLetterHeaders.Source source,
			InvalidEnvelopeException failure) {
		context().forward(record.withHeaders(DeadLetterHeaders.of(record.headers(), source, failure))
			.withValue(new Route(Route.Destination.DEAD_LETTER, record.value())));
		this.listener.deadLettered(source, failure);
	}

	private DeadLetterHeaders.Source source(Record<byte[], byte[]> record) {
		return DeadLetterHeaders.Source.of(context().recordMetadata(), record.timestamp());
	}

}
