package dev.commentmoderation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

import dev.commentmoderation.contract.ContractSchemas;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.KafkaClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service in one consumer group against a real broker. Instance A is stopped (gracefully:
 * it leaves the group on close) in the middle of the stream; instance B takes over A's partitions and restores
 * A's state from the changelog topics, so that a second comment from an author whose first comment A handled is
 * still caught as a FLOOD; and every comment has exactly one committed decision.
 */
class FailoverEndToEndTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final String APPLICATION_ID = "failover-e2e";

	static final int PARTITIONS = 4;

	static final int AUTHORS = 40;

	KafkaBroker broker;

	ConfigurableApplicationContext instanceA;

	ConfigurableApplicationContext instanceB;

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
	void theSurvivingInstanceTakesOverThePartitionsAndStateOfTheStoppedOne() throws Exception {
		this.instanceA = start("a");
		this.instanceB = start("b");
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			assertThat(streams(this.instanceA).state()).isEqualTo(KafkaStreams.State.RUNNING);
			assertThat(streams(this.instanceB).state()).isEqualTo(KafkaStreams.State.RUNNING);
			Set<Integer> a = authorPartitions(this.instanceA);
			Set<Integer> b = authorPartitions(this.instanceB);
			assertThat(a).isNotEmpty();
			assertThat(b).isNotEmpty();
			Set<Integer> all = new HashSet<>(a);
			all.addAll(b);
			assertThat(all).hasSize(PARTITIONS);
		});
		Set<Integer> ownedByA = authorPartitions(this.instanceA);

		// every author's first comment, at T0, handled by whichever instance owns the author's partition
		Instant t0 = Instant.now();
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			for (int i = 0; i < AUTHORS; i++) {
				send(producer, comment("first-" + i, i, "10.0.0." + i, "First comment number " + i), t0);
			}
			producer.flush();
		}
		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
				"comments.approved")) {
			assertThat(KafkaClients.readAtLeast(reader, AUTHORS, Duration.ofSeconds(90))).hasSize(AUTHORS);
		}

		// second comments 5 s later (record time), from another IP each: half before A stops, half after
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			for (int i = 0; i < AUTHORS; i++) {
				if (i == AUTHORS / 2) {
					producer.flush();
					this.instanceA.close();
				}
				send(producer, comment("second-" + i, i, "10.1.0." + i, "Another thought, number " + i),
						t0.plusSeconds(5));
			}
			producer.flush();
		}

		Map<String, Integer> decisionsPerComment = new HashMap<>();
		Map<String, JsonNode> decisions = new HashMap<>();
		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
				"comments.approved", "comments.rejected", "comments.held", "comments.submitted.DLT")) {
			List<ConsumerRecord<byte[], byte[]>> records = KafkaClients.readAtLeast(reader, 2 * AUTHORS,
					Duration.ofSeconds(120));
			for (ConsumerRecord<byte[], byte[]> record : records) {
				assertThat(record.topic()).isNotEqualTo("comments.submitted.DLT");
				ContractSchemas.assertValidDecision(record.value());
				JsonNode decision = json.readTree(record.value());
				String commentId = decision.get("commentId").stringValue();
				assertThat(KafkaClients.utf8(record.key())).isEqualTo(commentId);
				decisionsPerComment.merge(commentId, 1, Integer::sum);
				decisions.put(commentId, decision);
			}
		}
		assertThat(decisionsPerComment).hasSize(2 * AUTHORS);
		assertThat(decisionsPerComment.values()).allMatch(count -> count == 1);
		int floodsOfAuthorsOfA = 0;
		for (int i = 0; i < AUTHORS; i++) {
			assertThat(decisions.get("first-" + i).get("decision").stringValue()).isEqualTo("APPROVED");
			JsonNode second = decisions.get("second-" + i);
			assertThat(second.get("decision").stringValue()).as("second-" + i).isEqualTo("REJECTED");
			assertThat(second.get("reasons").get(0).get("code").stringValue()).isEqualTo("FLOOD");
			assertThat(second.get("reasons").get(0).get("field").stringValue()).isEqualTo("author.email");
			if (i >= AUTHORS / 2 && ownedByA.contains(partitionOf(email(i)))) {
				floodsOfAuthorsOfA++;
			}
		}
		assertThat(floodsOfAuthorsOfA).as("floods caught by B for authors whose first comment A handled")
			.isPositive();
		assertThat(authorPartitions(this.instanceB)).hasSize(PARTITIONS);
	}

	ConfigurableApplicationContext start(String name) throws Exception {
		Path stateDir = Files.createTempDirectory("failover-" + name);
		// command-line arguments: they win over application.yml (builder "properties" are only defaults)
		return new SpringApplicationBuilder(CommentModerationApplication.class).run(
				"--spring.main.web-application-type=none",
				"--spring.kafka.bootstrap-servers=" + this.broker.bootstrapServers(),
				"--spring.kafka.streams.application-id=" + APPLICATION_ID,
				"--spring.kafka.streams.state-dir=" + stateDir,
				"--spring.kafka.streams.client-id=instance-" + name,
				"--moderation.topics.create=true", "--moderation.topics.replication-factor=1",
				"--moderation.topics.partitions=" + PARTITIONS);
	}

	static KafkaStreams streams(ConfigurableApplicationContext context) {
		return context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
	}

	/** The partitions of the by-author repartition topic this instance has active tasks for. */
	static Set<Integer> authorPartitions(ConfigurableApplicationContext context) {
		Set<Integer> partitions = new HashSet<>();
		for (ThreadMetadata thread : streams(context).metadataForLocalThreads()) {
			for (TaskMetadata task : thread.activeTasks()) {
				for (TopicPartition partition : task.topicPartitions()) {
					if (partition.topic().equals(APPLICATION_ID + "-comments-by-author-repartition")) {
						partitions.add(partition.partition());
					}
				}
			}
		}
		return partitions;
	}

	static int partitionOf(String author) {
		return Utils.toPositive(Utils.murmur2(author.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
	}

	static String email(int author) {
		return "author-" + author + "@example.org";
	}

	static void send(KafkaProducer<byte[], byte[]> producer, byte[] value, Instant timestamp) {
		producer.send(new ProducerRecord<>("comments.submitted", null, timestamp.toEpochMilli(), null, value));
	}

	static byte[] comment(String commentId, int author, String ip, String content) {
		return """
				{"commentId":"%s","postId":"p","siteId":"s","author":{"name":"Author %d","email":"%s","ip":"%s"},
				 "content":"%s"}""".formatted(commentId, author, email(author), ip, content)
			.getBytes(StandardCharsets.UTF_8);
	}

}
