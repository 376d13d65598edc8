package dev.commentmoderation.stage;

/**
 * A key-value store a stage reads and writes: a Kafka Streams state store in the stream, a map in the dry run.
 */
public interface Store<K, V> {

	/** The value, or null. */
	V get(K key);

	void put(K key, V value);

	void delete(K key);

}
