package dev.commentmoderation.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.InvalidEnvelopeException;

/**
 * A processor of the topology: an adapter that hands records to a stage and routes what comes back, each result a
 * {@link Route} (an output topic, an internal topic, or the dead-letter topic). {@link #deadLetter} is the one way a
 * record reaches the dead-letter topic: as received, with headers saying where it came from and why.
 *
 * @param <K> the key type of the topic it reads
 * @param <V> the value type of the topic it reads
 */
abstract class RoutingProcessor<K, V> extends ContextualProcessor<K, V, Object, Route> {

	protected final ModerationListener listener;

	RoutingProcessor(ModerationListener listener) {
		this.listener = listener;
	}

	/** The record's place in its input topic, for the dead-letter headers. */
	protected final DeadLetterHeaders.Source source(Record<K, V> record) {
		return DeadLetterHeaders.Source.of(context().recordMetadata(), record.timestamp());
	}

	/**
	 * Dead-letters a value as it was received at {@code source} (a stage after the first dead-letters the value as it
	 * was received there, not the internal record that carried it).
	 */
	protected final void deadLetter(Record<K, V> record, DeadLetterHeaders.Source source,
			InvalidEnvelopeException failure, byte[] key, byte[] value) {
		context().forward(record.withKey((Object) key)
			.withHeaders(DeadLetterHeaders.of(record.headers(), source, failure))
			.withValue(Route.deadLetter(key, value)));
		this.listener.deadLettered(source, failure);
	}

	/** Forwards the route with the record's timestamp and headers. */
	protected final void forward(Record<K, V> record, Route route) {
		context().forward(record.withKey(route.key()).withValue(route));
	}

	/** From a record's timestamp to now; never negative (a producer's clock may run ahead). */
	static Duration sinceSubmitted(long recordTimestamp, Clock clock) {
		return Duration.ofMillis(Math.max(0, clock.millis() - recordTimestamp));
	}

	/** Deletes the store's records that {@code expired} says are: collected first, then deleted. */
	static <V> void purge(KeyValueStore<String, V> store, Predicate<V> expired) {
		List<String> keys = new ArrayList<>();
		try (KeyValueIterator<String, V> all = store.all()) {
			all.forEachRemaining((entry) -> {
				if (expired.test(entry.value)) {
					keys.add(entry.key);
				}
			});
		}
		keys.forEach(store::delete);
	}

}
