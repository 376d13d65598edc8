package dev.commentmoderation.stream;

import java.time.Duration;

import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.rules.Verdict;

/**
 * Told of every outcome, for metrics and logs. Called on the stream thread before the transaction commits, so
 * a record retried after a crash is reported again: counts are at-least-once, decisions exactly-once.
 */
public interface ModerationListener {

	ModerationListener NONE = new ModerationListener() {
	};

	default void decided(String commentId, Verdict verdict, Duration processingTime) {
	}

	default void deadLettered(DeadLetterHeaders.Source source, InvalidEnvelopeException failure) {
	}

}
