package dev.commentmoderation.stream;

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
final class ParseAuthorActionProcessor extends RoutingProcessor<byte[], byte[]> {

	private final AuthorActionParser parser = new AuthorActionParser();

	ParseAuthorActionProcessor(ModerationListener listener) {
		super(listener);
	}

	@Override
	public void process(Record<byte[], byte[]> record) {
		DeadLetterHeaders.Source source = source(record);
		try {
			AuthorActionParser.Parsed parsed = this.parser.parse(record.value());
			ActionRequest request = new ActionRequest(parsed.author(),
					StoredAction.of(parsed.action()));
			forward(record, Route.byAuthor(parsed.author(), Encoded.of(new ToAuthor(null, null, request))));
			this.listener.authorAction(parsed.action().kind().name());
		}
		catch (InvalidEnvelopeException ex) {
			deadLetter(record, source, ex, record.key(), record.value());
		}
		catch (RuntimeException ex) {
			deadLetter(record, source, new InvalidEnvelopeException(EnvelopeError.PROCESSING_FAILED,
					"Author action failed: " + ex.getClass().getSimpleName(), ex), record.key(), record.value());
		}
	}

}
