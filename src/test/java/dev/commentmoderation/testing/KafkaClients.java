package dev.commentmoderation.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Plain Kafka clients for tests: what a site's backend would use to publish comments and read decisions. */
public final class KafkaClients {

	private KafkaClients() {
	}

	public static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 5),
				new ByteArraySerializer(), new ByteArraySerializer());
	}

	public static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value) {
		producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value));
	}

	/** A read_committed consumer in a group of its own, from the earliest offset: sees only committed decisions. */
	public static KafkaConsumer<byte[], byte[]> committedReader(String bootstrapServers, String... topics) {
		KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
				"test-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(List.of(topics));
		return consumer;
	}

	/** Polls until {@code expected} records arrived or the timeout passed, then keeps polling briefly for extras. */
	public static List<ConsumerRecord<byte[], byte[]>> readAtLeast(KafkaConsumer<byte[], byte[]> consumer,
			int expected, Duration timeout) {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		Instant deadline = Instant.now().plus(timeout);
		while (records.size() < expected && Instant.now().isBefore(deadline)) {
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
		}
		Instant settle = Instant.now().plusSeconds(2);
		while (Instant.now().isBefore(settle)) {
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
		}
		return records;
	}

	public static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
