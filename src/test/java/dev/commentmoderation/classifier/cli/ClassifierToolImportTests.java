package dev.commentmoderation.classifier.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.commentmoderation.classifier.InMemoryModel;
import dev.commentmoderation.classifier.ModelFile;
import dev.commentmoderation.classifier.ModelRecords;
import dev.commentmoderation.classifier.TokenCounts;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.KafkaClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code classifier import} against a real broker: the model topic ends up holding exactly the file's model under
 * the model name (its tokens, its totals, nothing else of that model), and other models' records are untouched.
 */
class ClassifierToolImportTests {

	static KafkaBroker broker;

	@TempDir
	Path dir;

	String topic;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeAll
	static void startBroker() {
		broker = new KafkaBroker(0).start();
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@BeforeEach
	void createModelTopic() throws Exception {
		this.topic = "model-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(this.topic, 3, (short) 1)
				.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
				.all()
				.get();
		}
	}

	int run(String... args) {
		return new ClassifierTool(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8))
			.run(args);
	}

	@Nested
	class IntoTheModelTopic {

		@Test
		void publishesEveryTokenAndTheTotalsOfTheFile() throws Exception {
			Path file = modelFile("*", 300, 250, 42, Map.of("w:free", new TokenCounts(210, 3), "w:thanks",
					new TokenCounts(1, 190)));

			assertThat(run("import", "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic,
					file.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();

			Map<ModelRecords.Key, byte[]> model = latest();
			assertThat(model).containsOnlyKeys(new ModelRecords.Key("*", "w:free"),
					new ModelRecords.Key("*", "w:thanks"), new ModelRecords.Key("*", ModelRecords.TOTALS));
			assertThat(ModelRecords.counts(model.get(new ModelRecords.Key("*", "w:free"))))
				.isEqualTo(new TokenCounts(210, 3));
			assertThat(ModelRecords.totals(model.get(new ModelRecords.Key("*", ModelRecords.TOTALS))))
				.isEqualTo(new ModelRecords.Totals(300, 250, 42));
			assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 tokens, 0 removed, version *:300s250h:42");
		}

		@Test
		void removesTheTokensTheTopicHoldsForThatModelButTheFileDoesNot() throws Exception {
			produce(ModelRecords.key("*", "w:old"), ModelRecords.counts(new TokenCounts(5, 5)));
			produce(ModelRecords.key("*", "w:free"), ModelRecords.counts(new TokenCounts(1, 1)));
			Path file = modelFile("*", 200, 200, 7, Map.of("w:free", new TokenCounts(150, 2)));

			assertThat(run("import", "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic,
					file.toString())).isZero();

			Map<ModelRecords.Key, byte[]> model = latest();
			assertThat(model).doesNotContainKey(new ModelRecords.Key("*", "w:old"));
			assertThat(ModelRecords.counts(model.get(new ModelRecords.Key("*", "w:free"))))
				.isEqualTo(new TokenCounts(150, 2));
			assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 removed");
		}

		@Test
		void leavesOtherModelsRecordsAlone() throws Exception {
			produce(ModelRecords.key("site:other", "w:old"), ModelRecords.counts(new TokenCounts(5, 5)));
			Path file = modelFile("*", 200, 200, 7, Map.of("w:free", new TokenCounts(150, 2)));

			assertThat(run("import", "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic,
					file.toString())).isZero();

			assertThat(latest()).containsKey(new ModelRecords.Key("site:other", "w:old"));
		}

		@Test
		void publishesUnderTheModelNameGivenInsteadOfTheFilesSite() throws Exception {
			Path file = modelFile("*", 200, 200, 7, Map.of("w:free", new TokenCounts(150, 2)));

			assertThat(run("import", "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic,
					"--model-name", "site:example-news", file.toString())).isZero();

			assertThat(latest()).containsOnlyKeys(new ModelRecords.Key("site:example-news", "w:free"),
					new ModelRecords.Key("site:example-news", ModelRecords.TOTALS));
		}

	}

	@Nested
	class Refused {

		@Test
		void aModelNameThatIsNeitherSharedNorASiteIsABadCommandLine() throws Exception {
			Path file = modelFile("*", 200, 200, 7, Map.of());

			assertThat(run("import", "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic,
					"--model-name", "example-news", file.toString())).isEqualTo(ClassifierTool.USAGE);
			assertThat(err.toString(StandardCharsets.UTF_8)).contains("--model-name is * or site:SITE");
		}

		@Test
		void aMissingTopicFailsWithoutWriting() throws Exception {
			Path file = modelFile("*", 200, 200, 7, Map.of("w:free", new TokenCounts(1, 1)));

			assertThat(run("import", "--bootstrap-servers", broker.bootstrapServers(), "--topic",
					"no-such-topic-" + UUID.randomUUID(), file.toString())).isEqualTo(ClassifierTool.FAILED);
			assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not exist");
		}

		@Test
		void aFileThatIsNotAModelFails() throws Exception {
			Path file = Files.writeString(dir.resolve("not-a-model.json"), "{\"tokens\":[]}");

			assertThat(run("import", "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic,
					file.toString())).isEqualTo(ClassifierTool.FAILED);
			assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a model file");
		}

	}

	Path modelFile(String site, long spam, long ham, long sequence, Map<String, TokenCounts> counts)
			throws IOException {
		Path file = dir.resolve("model-" + UUID.randomUUID() + ".json");
		try (OutputStream stream = Files.newOutputStream(file)) {
			ModelFile.write(InMemoryModel.of(site, 100_000, spam, ham, sequence, new HashMap<>(counts)), stream);
		}
		return file;
	}

	void produce(byte[] key, byte[] value) throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(broker.bootstrapServers())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
	}

	/** The topic's latest value per key, tombstoned keys left out: what a global store over it would hold. */
	Map<ModelRecords.Key, byte[]> latest() {
		Map<ModelRecords.Key, byte[]> latest = new HashMap<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					ModelRecords.Key key = ModelRecords.key(record.key());
					if (record.value() == null) {
						latest.remove(key);
					}
					else {
						latest.put(key, record.value());
					}
				}
			}
		}
		return latest;
	}

}
