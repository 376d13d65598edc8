package dev.commentmoderation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import dev.commentmoderation.classifier.ModelRecords;
import dev.commentmoderation.contract.ContractSchemas;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.KafkaClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The classifier across two instances of the service on a real broker: moderators' verdicts are learned by the
 * one instance whose model stage owns the model's partition of {@code labels-by-model}, the model topic carries
 * the model to both instances' global stores, and then a spam-like comment on every partition of the submitted
 * topic (so on both instances' first stage) is rejected with SPAM_CLASSIFIER and the same model version.
 */
class ClassifierEndToEndTests {

	static final String APPLICATION_ID = "classifier-e2e";

	static final int PARTITIONS = 4;

	static final String SITE = "example-news";

	static final String SPAM = "win a free cash prize now, claim your casino bonus";

	static final String HAM = "thanks for the clear article about the council meeting";

	static final JsonMapper json = JsonMapper.builder().build();

	KafkaBroker broker;

	ConfigurableApplicationContext instanceA;

	ConfigurableApplicationContext instanceB;

	int comments;

	@BeforeEach
	void startBroker() {
		this.broker = new KafkaBroker(0).start();
	}

	@AfterEach
	void stopAll() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { this.instanceA,
				this.instanceB }) {
			if (context != null && context.isActive()) {
				context.close();
			}
		}
		this.broker.close();
	}

	@Test
	void labelsLearnedOnOneInstanceScoreCommentsOnBoth() throws Exception {
		this.instanceA = start("a");
		this.instanceB = start("b");
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			assertThat(streams(this.instanceA).state()).isEqualTo(KafkaStreams.State.RUNNING);
			assertThat(streams(this.instanceB).state()).isEqualTo(KafkaStreams.State.RUNNING);
			assertThat(partitions(this.instanceA, "comments.submitted")).isNotEmpty();
			assertThat(partitions(this.instanceB, "comments.submitted")).isNotEmpty();
		});

		// three spam and three ham comments, approved while the classifier abstains, then moderators' verdicts
		List<String> spam = new ArrayList<>();
		List<String> ham = new ArrayList<>();
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			for (int i = 0; i < 3; i++) {
				spam.add(submit(producer, null, SPAM + " offer " + i));
				ham.add(submit(producer, null, HAM + " point " + i));
			}
			producer.flush();
		}
		Map<String, JsonNode> first = decisions(6);
		assertThat(first.values()).allSatisfy(decision -> {
			assertThat(decision.get("decision").stringValue()).isEqualTo("APPROVED");
			assertThat(decision.has("classifier")).as("abstained: no labels yet").isFalse();
		});
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			spam.forEach(id -> verdict(producer, id, "REJECTED"));
			ham.forEach(id -> verdict(producer, id, "APPROVED"));
			producer.flush();
		}
		String siteModel = "site:" + SITE;
		await().atMost(Duration.ofSeconds(60)).untilAsserted(
				() -> assertThat(totals(siteModel)).isEqualTo(new ModelRecords.Totals(3, 3, 6)));

		// the labels were learned by one instance: the owner of the site model's partition of labels-by-model
		int modelPartition = Utils.toPositive(Utils.murmur2(siteModel.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
		String labels = APPLICATION_ID + "-labels-by-model-repartition";
		assertThat(partitions(this.instanceA, labels).contains(modelPartition))
			.as("exactly one instance learns the site's model")
			.isNotEqualTo(partitions(this.instanceB, labels).contains(modelPartition));

		// a spam-like comment on every submitted partition, until every one is scored with the learned model
		// (each instance's global store follows the model topic on its own thread: a few rounds may be needed)
		Map<String, JsonNode> probes = new HashMap<>();
		await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).untilAsserted(() -> {
			probes.clear();
			List<String> ids = new ArrayList<>();
			try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
				for (int partition = 0; partition < PARTITIONS; partition++) {
					ids.add(submit(producer, partition, SPAM + " deal"));
				}
				producer.flush();
			}
			Map<String, JsonNode> decided = decisions(this.comments);
			ids.forEach(id -> probes.put(id, decided.get(id)));
			assertThat(probes.values()).allSatisfy(decision -> {
				assertThat(decision).isNotNull();
				assertThat(decision.path("modelVersion").stringValue()).startsWith(siteModel + ":3s3h:");
			});
		});
		Set<Integer> submittedA = partitions(this.instanceA, "comments.submitted");
		Set<Integer> submittedB = partitions(this.instanceB, "comments.submitted");
		assertThat(submittedA).as("both instances' first stages scored a probe").isNotEmpty();
		assertThat(submittedB).isNotEmpty().doesNotContainAnyElementsOf(submittedA);
		assertThat(union(submittedA, submittedB)).hasSize(PARTITIONS);
		assertThat(probes.values()).allSatisfy(decision -> {
			assertThat(decision.get("decision").stringValue()).isEqualTo("REJECTED");
			assertThat(decision.get("reasons").get(0).get("code").stringValue()).isEqualTo("SPAM_CLASSIFIER");
			assertThat(decision.get("classifier").get("probability").doubleValue()).isGreaterThanOrEqualTo(0.98);
			assertThat(decision.get("classifier").get("tokens")).isNotEmpty();
		});
	}

	/** A comment from a new author and IP; on the given partition of the submitted topic, or the key's. */
	String submit(KafkaProducer<byte[], byte[]> producer, Integer partition, String content) {
		int n = ++this.comments;
		String id = "c-" + n;
		byte[] value = """
				{"commentId":"%s","postId":"p-1","siteId":"%s","author":{"name":"Reader %d","email":"reader-%d@example.org","ip":"10.1.%d.%d"},
				 "content":"%s"}""".formatted(id, SITE, n, n, n / 250, n % 250, content)
			.getBytes(StandardCharsets.UTF_8);
		producer.send(new ProducerRecord<>("comments.submitted", partition, Instant.now().toEpochMilli(),
				id.getBytes(StandardCharsets.UTF_8), value));
		return id;
	}

	static void verdict(KafkaProducer<byte[], byte[]> producer, String commentId, String decision) {
		String value = "{\"commentId\":\"%s\",\"decision\":\"%s\",\"spam\":%s,\"moderator\":\"anna\"}"
			.formatted(commentId, decision, decision.equals("REJECTED"));
		KafkaClients.send(producer, "comments.reviewed", commentId, value.getBytes(StandardCharsets.UTF_8));
	}

	/** The latest decision of each comment (first decisions, revisions included), checked against the contract. */
	Map<String, JsonNode> decisions(int expected) {
		Map<String, JsonNode> decisions = new HashMap<>();
		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
				"comments.approved", "comments.rejected", "comments.held")) {
			Instant deadline = Instant.now().plusSeconds(30);
			while (decisions.size() < expected && Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
					ContractSchemas.assertValidDecision(record.value());
					JsonNode decision = json.readTree(record.value());
					decisions.merge(decision.get("commentId").stringValue(), decision,
							(earlier, later) -> (later.path("revision").asInt() >= earlier.path("revision").asInt())
									? later : earlier);
				}
			}
		}
		return decisions;
	}

	/** The model's label totals on the model topic now (read_committed: what the model stage committed). */
	ModelRecords.Totals totals(String model) {
		byte[] key = ModelRecords.key(model, ModelRecords.TOTALS);
		ModelRecords.Totals totals = null;
		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
				"comments.classifier-model")) {
			for (ConsumerRecord<byte[], byte[]> record : KafkaClients.readAtLeast(reader, 1, Duration.ofSeconds(5))) {
				if (java.util.Arrays.equals(record.key(), key)) {
					totals = ModelRecords.totals(record.value());
				}
			}
		}
		return totals;
	}

	ConfigurableApplicationContext start(String name) throws Exception {
		Path stateDir = Files.createTempDirectory("classifier-e2e-" + name);
		return new SpringApplicationBuilder(CommentModerationApplication.class).run(
				"--spring.main.web-application-type=none",
				"--spring.kafka.bootstrap-servers=" + this.broker.bootstrapServers(),
				"--spring.kafka.streams.application-id=" + APPLICATION_ID,
				"--spring.kafka.streams.state-dir=" + stateDir,
				"--spring.kafka.streams.client-id=instance-" + name,
				"--moderation.topics.create=true", "--moderation.topics.replication-factor=1",
				"--moderation.topics.partitions=" + PARTITIONS,
				"--moderation.classifier.min-spam-labels=3", "--moderation.classifier.min-ham-labels=3");
	}

	static KafkaStreams streams(ConfigurableApplicationContext context) {
		return context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
	}

	/** The partitions of a topic this instance has active tasks for. */
	static Set<Integer> partitions(ConfigurableApplicationContext context, String topic) {
		Set<Integer> partitions = new HashSet<>();
		for (ThreadMetadata thread : streams(context).metadataForLocalThreads()) {
			for (TaskMetadata task : thread.activeTasks()) {
				for (TopicPartition partition : task.topicPartitions()) {
					if (partition.topic().equals(topic)) {
						partitions.add(partition.partition());
					}
				}
			}
		}
		return partitions;
	}

	static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
		Set<Integer> all = new HashSet<>(a);
		all.addAll(b);
		return all;
	}

}
