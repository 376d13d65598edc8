package dev.commentmoderation.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import dev.commentmoderation.events.CommentEventParser;
import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.events.SubmittedComment;
import dev.commentmoderation.rules.Comment;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Verdict;

/**
 * Parses a submitted record, moderates it and routes the outcome: a decision keyed by commentId, or the original
 * key and value to the dead-letter topic. Nothing thrown here stops the stream: a failure of any kind on a
 * record dead-letters that record, in the same transaction as everything else.
 */
final class ModerateCommentProcessor extends ContextualProcessor<byte[], byte[], byte[], Route> {

	private final CommentEventParser parser;

	private final Function<Comment, Verdict> moderator;

	private final DecisionWriter writer;

	private final ModerationListener listener;

	private final Clock clock;

	ModerateCommentProcessor(CommentEventParser parser, Function<Comment, Verdict> moderator, DecisionWriter writer,
			ModerationListener listener, Clock clock) {
		this.parser = parser;
		this.moderator = moderator;
		this.writer = writer;
		this.listener = listener;
		this.clock = clock;
	}

	@Override
	public void process(Record<byte[], byte[]> record) {
		long started = System.nanoTime();
		SubmittedComment submitted;
		Verdict verdict;
		byte[] decision;
		try {
			submitted = this.parser.parse(record.value(), Instant.ofEpochMilli(record.timestamp()));
			verdict = this.moderator.apply(submitted.comment());
			decision = this.writer.write(submitted, verdict, this.clock.instant());
		}
		catch (InvalidEnvelopeException ex) {
			deadLetter(record, ex);
			return;
		}
		catch (RuntimeException | StackOverflowError ex) {
			deadLetter(record, new InvalidEnvelopeException(EnvelopeError.PROCESSING_FAILED,
					"Moderation failed: " + ex.getClass().getSimpleName(), ex));
			return;
		}
		String commentId = submitted.comment().commentId();
		Route.Destination destination = (verdict.decision() == Decision.APPROVED) ? Route.Destination.APPROVED
				: Route.Destination.REJECTED;
		context().forward(record.withKey(commentId.getBytes(StandardCharsets.UTF_8))
			.withValue(new Route(destination, decision)));
		this.listener.decided(commentId, verdict, Duration.ofNanos(System.nanoTime() - started));
	}

	private void deadLetter(Record<byte[], byte[]> record, InvalidEnvelopeException failure) {
		DeadLetterHeaders.Source source = source(record);
		context().forward(record.withHeaders(DeadLetterHeaders.of(record.headers(), source, failure))
			.withValue(new Route(Route.Destination.DEAD_LETTER, record.value())));
		this.listener.deadLettered(source, failure);
	}

	private DeadLetterHeaders.Source source(Record<byte[], byte[]> record) {
		RecordMetadata metadata = context().recordMetadata().orElse(null);
		return (metadata != null)
				? new DeadLetterHeaders.Source(metadata.topic(), metadata.partition(), metadata.offset(),
						record.timestamp())
				: new DeadLetterHeaders.Source("", -1, -1L, record.timestamp());
	}

}
