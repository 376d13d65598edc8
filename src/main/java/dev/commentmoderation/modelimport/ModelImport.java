package dev.commentmoderation.modelimport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.commentmoderation.classifier.InMemoryModel;
import dev.commentmoderation.classifier.ModelRecords;
import dev.commentmoderation.classifier.TokenCounts;

/**
 * Publishes a model (a model file's counts) to the classifier's compacted model topic under one model name, so
 * that every instance's global store, and so every comment's score, uses it: a record per token, a tombstone for
 * each token the topic holds for that model but the model does not, then the label totals. The topic is first read
 * to its end with a plain read_committed consumer (no group, no offsets committed) to find those tokens. The
 * producer is idempotent (acks=all), so a retried send is not written twice; the import is not one transaction:
 * a reader may see part of it until it is done, and running it again after a failure finishes it.
 *
 * <p>
 * The running model stage keeps its own copy of each model (store {@code model-tokens}); it does not read the
 * topic. The next verdict learned for this model name continues from that copy and republishes the tokens it
 * touches and the totals, so an import is only left as it is for a model name no verdict is learned into (a fresh
 * deployment, or a name without live labels). docs/classifier.md, "Importing a model".
 */
public final class ModelImport {

	/** What the import wrote. */
	public record Result(int tokens, int tombstones, String version) {
	}

	/** The model topic could not be read or written; the message says why (never a record's content). */
	public static final class ImportException extends Exception {

		ImportException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	private final String bootstrapServers;

	private final String topic;

	private final Duration timeout;

	public ModelImport(String bootstrapServers, String topic, Duration timeout) {
		this.bootstrapServers = bootstrapServers;
		this.topic = topic;
		this.timeout = timeout;
	}

	/**
	 * @param modelName the name the model's records are keyed with: {@code *} (shared) or {@code site:<siteId>}
	 * @param model the counts and totals to publish (its own site name is not used)
	 */
	public Result publish(String modelName, InMemoryModel model) throws ImportException {
		Set<String> present = tokensOnTopic(modelName);
		Map<String, TokenCounts> counts = model.counts();
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(counts.size() + present.size() + 1);
		int tombstones = 0;
		for (String token : present) {
			if (!counts.containsKey(token)) {
				records.add(new ProducerRecord<>(this.topic, ModelRecords.key(modelName, token), null));
				tombstones++;
			}
		}
		counts.forEach((token, tokenCounts) -> records.add(new ProducerRecord<>(this.topic,
				ModelRecords.key(modelName, token), ModelRecords.counts(tokenCounts))));
		// the totals once every token is written: a model's version never names counts not yet on the topic
		ProducerRecord<byte[], byte[]> totals = new ProducerRecord<>(this.topic,
				ModelRecords.key(modelName, ModelRecords.TOTALS),
				ModelRecords.totals(new ModelRecords.Totals(model.spamLabels(), model.hamLabels(), model.sequence())));
		send(records, totals);
		String version = modelName + ":" + model.spamLabels() + "s" + model.hamLabels() + "h:" + model.sequence();
		return new Result(counts.size(), tombstones, version);
	}

	/** The tokens (not the totals) the topic holds for this model now: its latest record per key is not a tombstone. */
	Set<String> tokensOnTopic(String modelName) throws ImportException {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		// the model stage writes in transactions: only what it committed is the model
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) this.timeout.toMillis());
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "classifier-import-reader");
		// a misspelt --topic must not create an empty model topic
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		Set<String> tokens = new HashSet<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<PartitionInfo> partitions = consumer.partitionsFor(this.topic, this.timeout);
			if (partitions == null || partitions.isEmpty()) {
				throw new ImportException("topic " + this.topic + " does not exist", null);
			}
			List<TopicPartition> assigned = partitions.stream()
				.map(info -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(assigned);
			consumer.seekToBeginning(assigned);
			Map<TopicPartition, Long> end = consumer.endOffsets(assigned, this.timeout);
			long deadline = System.nanoTime() + this.timeout.toNanos();
			while (!reachedEnd(consumer, end)) {
				if (System.nanoTime() > deadline) {
					throw new ImportException("reading " + this.topic + " to its end took longer than " + this.timeout,
							null);
				}
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					ModelRecords.Key key = parse(record.key());
					if (key == null || !key.site().equals(modelName) || key.isTotals()) {
						continue;
					}
					if (record.value() == null) {
						tokens.remove(key.token());
					}
					else {
						tokens.add(key.token());
					}
				}
			}
		}
		catch (KafkaException ex) {
			throw new ImportException("cannot read " + this.topic + ": " + ex.getClass().getSimpleName() + ": "
					+ ex.getMessage(), ex);
		}
		return tokens;
	}

	private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
		for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
			if (consumer.position(partition.getKey()) < partition.getValue()) {
				return false;
			}
		}
		return true;
	}

	/** A key of another format on the topic is not ours to remove. */
	private static ModelRecords.Key parse(byte[] key) {
		try {
			return (key != null) ? ModelRecords.key(key) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private void send(List<ProducerRecord<byte[], byte[]>> records, ProducerRecord<byte[], byte[]> last)
			throws ImportException {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "classifier-import");
		config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, this.timeout.toMillis());
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(this.timeout.toMillis(), 30_000));
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(this.timeout.toMillis(), 30_000));
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
			for (ProducerRecord<byte[], byte[]> record : records) {
				sent.add(producer.send(record));
			}
			producer.flush();
			for (Future<RecordMetadata> future : sent) {
				future.get();
			}
			producer.send(last).get();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw new ImportException("cannot write " + this.topic + ": " + cause.getClass().getSimpleName() + ": "
					+ cause.getMessage(), cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ImportException("interrupted while writing " + this.topic, ex);
		}
		catch (KafkaException ex) {
			throw new ImportException("cannot write " + this.topic + ": " + ex.getClass().getSimpleName() + ": "
					+ ex.getMessage(), ex);
		}
	}

}
