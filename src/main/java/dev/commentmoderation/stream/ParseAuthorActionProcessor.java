package dev.commentmoderation.stream;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

import dev.commentmoderation.stage.*;
import dev.commentmoderation.events.AuthorActionParser;
import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;

/**
 * On the author-actions topic's partitions: parses a moderator's action on an author; an unusable one goes, as
 * received, to the dead-letter topic (AUTHOR_ACTION_INVALID or an envelope code). A usable one goes on, keyed by
 * the normalized author email, to the author stage.
 */
final class ParseAuthorActionProcessor extends ContextualProcessor<byte[], byte[], byte[], Route> {

	private final AuthorActionParser parser = new AuthorActionParser();

	private final ModerationListener listener;

	ParseAuthorActionProcessor(ModerationListener listener) {
		this.listener = listener;
	}

	@Override
	public void process(Record<byte[], byte[]> record) {
		DeadLetterHeaders.Source source = DeadLetterHeaders.Source.of(context().recordMetadata(), record.timestamp());
		try {
			AuthorActionParser.Parsed parsed = this.parser.parse(record.value());
			ActionRequest request = new ActionRequest(parsed.author(),
					StoredAction.of(parsed.action()));
			context().forward(record.withKey(ModerateCommentProcessor.utf8(parsed.author()))
				.withValue(new Route(Route.Destination.BY_AUTHOR,
						StateCodec.write(new ToAuthor(null, null, request)))));
			this.listener.authorAction(parsed.action().kind().name());
		}
		catch (InvalidEnvelopeException ex) {
			deadLetter(record, source, ex);
		}
		catch (RuntimeException ex) {
			deadLetter(record, source, new InvalidEnvelopeException(EnvelopeError.PROCESSING_FAILED,
					"Author action failed: " + ex.getClass().getSimpleName(), ex));
		}
	}

	private void deadLetter(Record<byte[], byte[]> record, DeadLetterHeaders.Source source,
			InvalidEnvelopeException failure) {
		context().forward(record.withHeaders(DeadLetterHeaders.of(record.headers(), source, failure))
			.withValue(new Route(Route.Destination.DEAD_LETTER, record.value())));
		this.listener.deadLettered(source, failure);
	}

}
