package dev.commentmoderation.stage;

/**
 * A store of values by key and time, kept for a retention (a Kafka Streams window store in the stream, a map in
 * the dry run): a second value at the same time replaces the first, and a lookup returns the value with the latest
 * time at or after {@code since}.
 */
public interface TimedStore<V> {

	/** The value of the key with the latest time at or after {@code since} (epoch ms), or null. */
	V latest(String key, long since);

	void put(String key, V value, long at);

}
