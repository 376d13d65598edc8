package dev.commentmoderation.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the decision topics under read_committed in a thread of its own, and counts, for each commentId of the
 * form {@code prefix + index}, how many committed decisions it got, and when the latest decision arrived.
 */
final class DecisionTracker implements AutoCloseable {

	private final String prefix;

	private final AtomicIntegerArray counts;

	private final AtomicLong received = new AtomicLong();

	private final AtomicLong lastArrivalNanos = new AtomicLong();

	private final List<ConsumerRecord<byte[], byte[]>> others = new ArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	private volatile long maxModeratedAtMillis;

	DecisionTracker(String bootstrapServers, String prefix, int comments, String... topics) {
		this.prefix = prefix;
		this.counts = new AtomicIntegerArray(comments);
		// No group: partitions assigned by hand, so that a broker restart cannot make the reader re-read from an
		// older committed offset and count a decision twice that was written once.
		KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrapServers, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : topics) {
			consumer.partitionsFor(topic)
				.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
		}
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		this.thread = new Thread(() -> {
			try (consumer) {
				while (this.running) {
					for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
						String key = (record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : "";
						if (key.startsWith(this.prefix)) {
							this.counts.incrementAndGet(Integer.parseInt(key.substring(this.prefix.length())));
							this.received.incrementAndGet();
							this.lastArrivalNanos.set(System.nanoTime());
							long moderatedAt = moderatedAt(record.value());
							if (moderatedAt > this.maxModeratedAtMillis) {
								this.maxModeratedAtMillis = moderatedAt;
							}
						}
						else {
							synchronized (this.others) {
								this.others.add(record);
							}
						}
					}
				}
			}
		}, "decision-tracker");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	long received() {
		return this.received.get();
	}

	long lastArrivalNanos() {
		return this.lastArrivalNanos.get();
	}

	/** Records whose key is not one of ours (dead letters keep the original key, which may be anything). */
	List<ConsumerRecord<byte[], byte[]>> others() {
		synchronized (this.others) {
			return List.copyOf(this.others);
		}
	}

	/** Waits until a decision arrives after {@code sinceNanos}; returns its arrival time, or -1 on timeout. */
	long awaitDecisionAfter(long sinceNanos, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			long last = this.lastArrivalNanos.get();
			if (last > sinceNanos) {
				return last;
			}
			Thread.sleep(5);
		}
		return -1;
	}

	/**
	 * Waits until a decision moderated at or after {@code sinceEpochMillis} (by its moderatedAt) is read; returns
	 * the System.nanoTime() of that moment, or -1 on timeout. Tells a new process's decisions from the last ones of
	 * a killed process that the reader had not caught up with yet.
	 */
	long awaitModeratedAfter(long sinceEpochMillis, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (this.maxModeratedAtMillis >= sinceEpochMillis) {
				return System.nanoTime();
			}
			Thread.sleep(5);
		}
		return -1;
	}

	private static long moderatedAt(byte[] value) {
		String json = new String(value, StandardCharsets.UTF_8);
		int at = json.indexOf("\"moderatedAt\":\"");
		if (at < 0) {
			return 0;
		}
		int start = at + "\"moderatedAt\":\"".length();
		return java.time.Instant.parse(json.substring(start, json.indexOf('"', start))).toEpochMilli();
	}

	boolean awaitReceived(long expected, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.received.get() < expected && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		return this.received.get() >= expected;
	}

	/** The indices with no decision, and those with more than one. */
	List<Integer> missing() {
		List<Integer> result = new ArrayList<>();
		for (int i = 0; i < this.counts.length(); i++) {
			if (this.counts.get(i) == 0) {
				result.add(i);
			}
		}
		return result;
	}

	List<Integer> doubled() {
		List<Integer> result = new ArrayList<>();
		for (int i = 0; i < this.counts.length(); i++) {
			if (this.counts.get(i) > 1) {
				result.add(i);
			}
		}
		return result;
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join(5000);
	}

}
