package dev.commentmoderation.dryrun;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A Kafka Streams window store in memory, as the topology uses its own: per key, values by time (a second put at
 * the same time replaces the first); lookups from a time on.
 */
final class WindowMap<V> {

	private final Map<String, NavigableMap<Instant, V>> entries = new HashMap<>();

	void put(String key, Instant at, V value) {
		this.entries.computeIfAbsent(key, k -> new TreeMap<>()).put(at, value);
	}

	/** The entries of a key at or after {@code since}, by time. */
	NavigableMap<Instant, V> since(String key, Instant since) {
		NavigableMap<Instant, V> values = this.entries.get(key);
		return (values != null) ? Collections.unmodifiableNavigableMap(values.tailMap(since, true))
				: Collections.emptyNavigableMap();
	}

	/** The value with the latest time at or after {@code since}, or null. */
	V latest(String key, Instant since) {
		Map.Entry<Instant, V> last = since(key, since).lastEntry();
		return (last != null) ? last.getValue() : null;
	}

}
