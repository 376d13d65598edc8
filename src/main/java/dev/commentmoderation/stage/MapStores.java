package dev.commentmoderation.stage;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The stages' stores in memory (the dry run, tests): they answer as the stream's state stores do, but nothing
 * expires (lookups still ignore what is older than their {@code since}). Not thread-safe.
 */
public final class MapStores {

	private MapStores() {
	}

	public static <K, V> Store<K, V> keyValue() {
		Map<K, V> values = new HashMap<>();
		return new Store<>() {

			@Override
			public V get(K key) {
				return values.get(key);
			}

			@Override
			public void put(K key, V value) {
				values.put(key, value);
			}

			@Override
			public void delete(K key) {
				values.remove(key);
			}

		};
	}

	public static <V> TimedStore<V> timed() {
		Map<String, NavigableMap<Long, V>> values = new HashMap<>();
		return new TimedStore<>() {

			@Override
			public V latest(String key, long since) {
				NavigableMap<Long, V> entries = values.get(key);
				Map.Entry<Long, V> last = (entries != null) ? entries.lastEntry() : null;
				return (last != null && last.getKey() >= since) ? last.getValue() : null;
			}

			@Override
			public void put(String key, V value, long at) {
				values.computeIfAbsent(key, (k) -> new TreeMap<>()).put(at, value);
			}

		};
	}

	public static AuthorStage.State authorStage() {
		return new AuthorStage.State(keyValue(), timed(), keyValue(), timed());
	}

}
