package dev.commentmoderation.stream;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * A topic of the topology with the serdes of its keys and values: every read and write of it goes through these,
 * so a topic's record types are stated once ({@link Schemas}).
 *
 * @param name the topic's name; for a repartition topic the name Kafka Streams prefixes with the application id and
 * suffixes with {@code -repartition}
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

	Consumed<K, V> consumed(String processorName) {
		return Consumed.with(this.keySerde, this.valueSerde).withName(processorName);
	}

	Produced<K, V> produced(String processorName) {
		return Produced.with(this.keySerde, this.valueSerde).withName(processorName);
	}

	Repartitioned<K, V> repartitioned(int partitions) {
		return Repartitioned.<K, V>as(this.name)
			.withKeySerde(this.keySerde)
			.withValueSerde(this.valueSerde)
			.withNumberOfPartitions(partitions);
	}

}
