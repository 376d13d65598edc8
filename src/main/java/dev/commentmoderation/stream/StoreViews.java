package dev.commentmoderation.stream;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import dev.commentmoderation.stage.Store;
import dev.commentmoderation.stage.TimedStore;

/** The stages' store interfaces over Kafka Streams state stores. */
final class StoreViews {

	private StoreViews() {
	}

	static <V> Store<String, V> keyValue(KeyValueStore<String, V> store) {
		return new Store<>() {

			@Override
			public V get(String key) {
				return store.get(key);
			}

			@Override
			public void put(String key, V value) {
				store.put(key, value);
			}

			@Override
			public void delete(String key) {
				store.delete(key);
			}

		};
	}

	static <V> TimedStore<V> timed(WindowStore<String, V> store) {
		return new TimedStore<>() {

			@Override
			public V latest(String key, long since) {
				try (WindowStoreIterator<V> iterator = store.backwardFetch(key, Math.max(0L, since), Long.MAX_VALUE)) {
					return iterator.hasNext() ? iterator.next().value : null;
				}
			}

			@Override
			public void put(String key, V value, long at) {
				store.put(key, value, at);
			}

		};
	}

}
