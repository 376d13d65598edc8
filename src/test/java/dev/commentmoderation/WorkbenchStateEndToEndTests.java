package dev.commentmoderation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import dev.commentmoderation.stage.*;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.KafkaClients;
import dev.commentmoderation.workbench.AuthorHistory;
import dev.commentmoderation.workbench.CommentHistory;
import dev.commentmoderation.workbench.HeldComment;
import dev.commentmoderation.workbench.Instance;
import dev.commentmoderation.workbench.ModerationState;
import dev.commentmoderation.workbench.Partitioned;
import dev.commentmoderation.workbench.StateUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The workbench's queries over two instances of the service on a real broker, each advertising its
 * {@code application.server}: the held queue is complete and consistent across them (every partition answered
 * by exactly one instance, every held comment exactly once), keyed lookups are routed to the instance that owns
 * the key, and after one instance stops the other answers for every partition with the same queue, restored from
 * the changelogs. While the group rebalances a query either fails with {@link StateUnavailableException} or covers
 * fewer partitions: never a wrong or doubled answer.
 */
class WorkbenchStateEndToEndTests {

	static final String APPLICATION_ID = "workbench-e2e";

	static final int PARTITIONS = 4;

	static final int HELD = 24;

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
	void theQueueIsCompleteAcrossTwoInstancesAndStaysCompleteWhenOneStops() throws Exception {
		this.instanceA = start("a", 18081);
		this.instanceB = start("b", 18082);
		await().ignoreException(StateUnavailableException.class).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			assertThat(streams(this.instanceA).state()).isEqualTo(KafkaStreams.State.RUNNING);
			assertThat(streams(this.instanceB).state()).isEqualTo(KafkaStreams.State.RUNNING);
			assertThat(state(this.instanceA).localHeldComments().partitions()).isNotEmpty();
			assertThat(state(this.instanceB).localHeldComments().partitions()).isNotEmpty();
		});

		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			for (int i = 0; i < HELD; i++) {
				KafkaClients.send(producer, "comments.submitted", "s", heldComment(i));
			}
			KafkaClients.send(producer, "comments.submitted", "s", approvedComment());
			producer.flush();
		}
		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
				"comments.held")) {
			assertThat(KafkaClients.readAtLeast(reader, HELD, Duration.ofSeconds(90))).hasSize(HELD);
		}

		await().ignoreException(StateUnavailableException.class).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Partitioned<List<HeldComment>> a = state(this.instanceA).localHeldComments();
			Partitioned<List<HeldComment>> b = state(this.instanceB).localHeldComments();
			assertThat(a.partitions()).doesNotContainAnyElementsOf(b.partitions());
			assertThat(union(a.partitions(), b.partitions())).hasSize(PARTITIONS);
			assertThat(ids(a, b)).hasSize(HELD).isEqualTo(expectedIds());
		});

		ModerationState a = state(this.instanceA);
		ModerationState b = state(this.instanceB);
		assertThat(a.instancesWithHeldComments()).containsExactlyInAnyOrder(new Instance("localhost", 18081),
				new Instance("localhost", 18082));
		for (int i = 0; i < HELD; i++) {
			String commentId = "held-" + i;
			Instance owner = a.ownerOfComment(commentId);
			assertThat(b.ownerOfComment(commentId)).isEqualTo(owner);
			ModerationState local = owner.equals(a.self()) ? a : b;
			ModerationState remote = owner.equals(a.self()) ? b : a;
			CommentHistory comment = local.localComment(commentId).orElseThrow();
			assertThat(comment.decision()).isEqualTo("HELD");
			assertThat(comment.revisionsJson()).hasSize(1);
			org.assertj.core.api.Assertions.assertThatExceptionOfType(StateUnavailableException.class)
				.as("asked at the instance that does not own it")
				.isThrownBy(() -> remote.localComment(commentId));
		}
		String author = "author-3@example.org";
		Instance authorOwner = a.ownerOfAuthor(author);
		AuthorHistory history = (authorOwner.equals(a.self()) ? a : b).localAuthor(author).orElseThrow();
		assertThat(history.recent()).extracting(AuthorHistory.AuthorComment::commentId).containsExactly("held-3");
		assertThat(history.status().approved()).isZero();

		this.instanceA.close();
		await().ignoreException(StateUnavailableException.class).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Partitioned<List<HeldComment>> survivor = state(this.instanceB).localHeldComments();
			assertThat(survivor.partitions()).hasSize(PARTITIONS);
			assertThat(survivor.value().stream().map(HeldComment::commentId).collect(Collectors.toSet()))
				.isEqualTo(expectedIds());
		});
		assertThat(state(this.instanceB).instancesWithHeldComments())
			.containsExactly(new Instance("localhost", 18082));
	}

	/** A comment is only in the store of the instance whose active partition holds it: never answered twice. */
	static Set<String> ids(Partitioned<List<HeldComment>> a, Partitioned<List<HeldComment>> b) {
		List<String> all = new java.util.ArrayList<>();
		a.value().forEach(comment -> all.add(comment.commentId()));
		b.value().forEach(comment -> all.add(comment.commentId()));
		Set<String> unique = new HashSet<>(all);
		assertThat(all).hasSameSizeAs(unique);
		return unique;
	}

	static Set<String> expectedIds() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < HELD; i++) {
			ids.add("held-" + i);
		}
		return ids;
	}

	static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
		Set<Integer> all = new HashSet<>(a);
		all.addAll(b);
		return all;
	}

	ConfigurableApplicationContext start(String name, int advertisedPort) throws Exception {
		Path stateDir = Files.createTempDirectory("workbench-" + name);
		return new SpringApplicationBuilder(CommentModerationApplication.class).run(
				"--spring.main.web-application-type=none",
				"--spring.kafka.bootstrap-servers=" + this.broker.bootstrapServers(),
				"--spring.kafka.streams.application-id=" + APPLICATION_ID,
				"--spring.kafka.streams.state-dir=" + stateDir,
				"--spring.kafka.streams.client-id=instance-" + name,
				"--spring.kafka.streams.properties.application.server=localhost:" + advertisedPort,
				"--moderation.topics.create=true", "--moderation.topics.replication-factor=1",
				"--moderation.topics.partitions=" + PARTITIONS);
	}

	static KafkaStreams streams(ConfigurableApplicationContext context) {
		return context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
	}

	static ModerationState state(ConfigurableApplicationContext context) {
		return context.getBean(ModerationState.class);
	}

	static byte[] heldComment(int i) {
		// three links: over max-links, held by default
		return """
				{"commentId":"held-%d","postId":"p-%d","siteId":"site-%d","author":{"name":"Author %d","email":"author-%d@example.org","ip":"10.0.0.%d"},
				 "content":"See https://a.example/%d and https://b.example/%d and https://c.example/%d"}"""
			.formatted(i, i % 3, i % 2, i, i, i, i, i, i)
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] approvedComment() {
		return """
				{"commentId":"fine-1","postId":"p-0","siteId":"site-0","author":{"name":"Fine","email":"fine@example.org","ip":"10.9.0.1"},
				 "content":"A fine comment."}"""
			.getBytes(StandardCharsets.UTF_8);
	}

}
