package dev.commentmoderation.load;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The load tool's two reference applications, each run as a JVM of its own beside the service:
 * <ul>
 * <li>{@code single}: a plain kafka-clients exactly-once copy between two topics (read_committed consumer,
 * transactional producer, {@code sendOffsetsToTransaction}), committing every {@code commitMs};</li>
 * <li>{@code two-hop}: a Kafka Streams topology that only repartitions twice and writes out (source → repartition →
 * repartition → sink), exactly_once_v2 with the service's commit interval and stream threads: the service's path
 * (input, by IP, by author, decision) with no moderation, state or changelogs. The fair limit of a two-hop design.</li>
 * </ul>
 * Both keep each record's timestamp, so the reader measures from the producer's timestamp, as for the service.
 * Prints {@code RUNNING} once it processes, and stops when its standard input closes.
 * <p>
 * Arguments: {@code single|two-hop bootstrap in out partitions commitMs threads applicationId}.
 */
public final class Baselines {

	private Baselines() {
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		String kind = args[0];
		String bootstrap = args[1];
		String in = args[2];
		String out = args[3];
		int partitions = Integer.parseInt(args[4]);
		long commitMs = Long.parseLong(args[5]);
		int threads = Integer.parseInt(args[6]);
		String applicationId = args[7];
		if (kind.equals("two-hop")) {
			try (KafkaStreams streams = twoHop(bootstrap, in, out, partitions, commitMs, threads, applicationId)) {
				streams.start();
				while (streams.state() != KafkaStreams.State.RUNNING) {
					Thread.sleep(20);
				}
				announceAndWait();
				streams.close(Duration.ofSeconds(20));
			}
		}
		else {
			AtomicBoolean running = new AtomicBoolean(true);
			Thread copier = new Thread(() -> copyLoop(bootstrap, applicationId, in, out, commitMs, running),
					"single-copy");
			copier.start();
			announceAndWait();
			running.set(false);
			copier.join();
		}
		System.exit(0);
	}

	private static void announceAndWait() throws Exception {
		System.out.println("RUNNING");
		System.out.flush();
		while (System.in.read() != -1) {
			// until the load tool closes our standard input
		}
	}

	static KafkaStreams twoHop(String bootstrap, String in, String out, int partitions, long commitMs, int threads,
			String applicationId) throws Exception {
		StreamsBuilder builder = new StreamsBuilder();
		builder.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
			.repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray())
				.withName("hop-1")
				.withNumberOfPartitions(partitions))
			.repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray())
				.withName("hop-2")
				.withNumberOfPartitions(partitions))
			.to(out, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
		Properties props = new Properties();
		props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitMs);
		props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
		props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
		props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("two-hop-").toString());
		return new KafkaStreams(builder.build(), props);
	}

	static void copyLoop(String bootstrap, String group, String in, String out, long commitMs, AtomicBoolean running) {
		Properties consumerProps = new Properties();
		consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Properties producerProps = new Properties();
		producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-copy");
		// what Kafka Streams sets for exactly_once_v2 producers
		producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 100);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
				KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
						new ByteArraySerializer())) {
			producer.initTransactions();
			consumer.subscribe(List.of(in));
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			long lastCommit = System.nanoTime();
			boolean open = false;
			while (running.get()) {
				ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(Math.min(100, commitMs)));
				if (!records.isEmpty() && !open) {
					producer.beginTransaction();
					open = true;
				}
				for (ConsumerRecord<byte[], byte[]> record : records) {
					producer.send(new ProducerRecord<>(out, null, record.timestamp(), record.key(), record.value()));
					offsets.put(new TopicPartition(record.topic(), record.partition()),
							new OffsetAndMetadata(record.offset() + 1));
				}
				if (open && System.nanoTime() - lastCommit >= commitMs * 1_000_000L) {
					producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
					producer.commitTransaction();
					offsets.clear();
					open = false;
					lastCommit = System.nanoTime();
				}
			}
			if (open) {
				producer.abortTransaction();
			}
		}
	}

}
