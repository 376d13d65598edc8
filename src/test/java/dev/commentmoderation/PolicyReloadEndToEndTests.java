package dev.commentmoderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.commentmoderation.contract.ContractSchemas;
import dev.commentmoderation.policy.ActivePolicy;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.KafkaClients;
import dev.commentmoderation.testing.SampleComments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The policy file changed while comments stream through the real service on a real broker: an invalid version is
 * refused and the running policy goes on; a valid one is applied without a restart; every comment still gets
 * exactly one committed decision, each made whole by one policy version, the new one for everything after the switch.
 */
@SpringBootTest(properties = { "embedded.kafka.port=0", "moderation.policy.reload-interval=200ms",
		"spring.kafka.streams.state-dir=${java.io.tmpdir}/policy-e2e-${random.uuid}" })
@Import(EmbeddedKafkaConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class PolicyReloadEndToEndTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final int COMMENTS = Integer.getInteger("policy.reload.comments", 3000);

	/** Blocks "casino": every comment below is rejected under it. */
	static final String BLOCKING = """
			defaults:
			  flood-interval: 0s
			  blocked-terms: [casino]
			""";

	/** Lets "casino" through: every comment below is approved under it. */
	static final String ALLOWING = """
			defaults:
			  flood-interval: 0s
			  blocked-terms: [lottery]
			""";

	static final Path POLICY = policyFile();

	@DynamicPropertySource
	static void policy(DynamicPropertyRegistry registry) {
		registry.add("moderation.policy.file", POLICY::toString);
	}

	@Autowired
	KafkaBroker broker;

	@Autowired
	ActivePolicy active;

	@Autowired
	MeterRegistry registry;

	@Test
	void aPolicyChangedUnderLoadIsAppliedWithoutLosingOrDoublingADecision(CapturedOutput output) throws Exception {
		String blocking = this.active.get().version();
		CompletableFuture<Void> publishing = CompletableFuture.runAsync(this::publishAtAboutThreeHundredASecond);

		await().atMost(Duration.ofSeconds(90)).until(() -> decided() > COMMENTS / 4);
		write("defaults: {max-links: -1}\n");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registry.get("moderation.policy.refused").gauge().value() == 1.0);
		assertThat(this.active.get().version()).isEqualTo(blocking);
		assertThat(output).contains("refused").contains("defaults.max-links");

		await().atMost(Duration.ofSeconds(90)).until(() -> decided() > COMMENTS / 3);
		double decidedBeforeChange = decided();
		write(ALLOWING);
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.active.get().version().equals(blocking));
		String allowing = this.active.get().version();
		// comments from this index on were sent after the switch (the batch being sent may straddle it)
		int sentAfterSwitch = this.published + BATCH;
		assertThat(this.registry.get("moderation.policy.refused").gauge().value()).isZero();
		publishing.get();

		Map<String, JsonNode> decisions = new HashMap<>();
		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
				"comments.approved", "comments.rejected", "comments.held", "comments.submitted.DLT")) {
			List<ConsumerRecord<byte[], byte[]>> records = KafkaClients.readAtLeast(reader, COMMENTS,
					Duration.ofSeconds(120));
			for (ConsumerRecord<byte[], byte[]> record : records) {
				assertThat(record.topic()).isIn("comments.approved", "comments.rejected");
				JsonNode decision = JSON.readTree(record.value());
				JsonNode earlier = decisions.put(decision.get("commentId").stringValue(), decision);
				assertThat(earlier).as("a second decision for %s", decision.get("commentId")).isNull();
			}
		}
		assertThat(decisions).hasSize(COMMENTS);
		int underBlocking = 0;
		Map<Integer, String> lastVersionOfPartition = new HashMap<>();
		for (int i = 0; i < COMMENTS; i++) {
			JsonNode decision = decisions.get("c-" + i);
			String version = decision.get("policyVersion").stringValue();
			assertThat(version).isIn(blocking, allowing);
			// one policy made the whole decision: its version and its outcome agree
			assertThat(decision.get("decision").stringValue())
				.isEqualTo(version.equals(blocking) ? "REJECTED" : "APPROVED");
			// a partition is read in order: once a comment of it was read under the new policy, all later ones are
			String previous = lastVersionOfPartition.put(partitionOf("c-" + i), version);
			assertThat(previous == null || !(previous.equals(allowing) && version.equals(blocking)))
				.as("c-%d decided by the old policy after an earlier comment of its partition by the new one", i)
				.isTrue();
			if (version.equals(blocking)) {
				underBlocking++;
				assertThat(i).as("c-%d was sent after the switch but decided by the old policy", i)
					.isLessThan(sentAfterSwitch);
			}
		}
		assertThat(underBlocking).isGreaterThanOrEqualTo((int) decidedBeforeChange).isLessThan(COMMENTS);
		ContractSchemas.assertValidDecision(JSON.writeValueAsBytes(decisions.get("c-0")));
		ContractSchemas.assertValidDecision(JSON.writeValueAsBytes(decisions.get("c-" + (COMMENTS - 1))));
		assertThat(this.registry.get("moderation.policy.reloads").tag("outcome", "applied").counter().count())
			.isEqualTo(1.0);
		assertThat(this.registry.get("moderation.policy.reloads").tag("outcome", "refused").counter().count())
			.isEqualTo(1.0);
	}

	volatile int published;

	static final int BATCH = 30;

	private double decided() {
		return this.registry.find("moderation.comments").counters().stream().mapToDouble(c -> c.count()).sum();
	}

	/** The partition the producer's default partitioner picks for this key on the 6-partition input topic. */
	private static int partitionOf(String key) {
		return org.apache.kafka.common.utils.Utils.toPositive(
				org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 6;
	}

	private void publishAtAboutThreeHundredASecond() {
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			for (int i = 0; i < COMMENTS; i++) {
				String ip = "198.51." + (i / 250) + "." + (i % 250);
				KafkaClients.send(producer, "comments.submitted", "c-" + i, SampleComments.comment("c-" + i,
						"Jane Doe", "jane" + i + "@example.org", ip, "Is the casino near the conference hall?"));
				if (i % BATCH == BATCH - 1) {
					producer.flush();
					this.published = i + 1;
					Thread.sleep(100);
				}
			}
			producer.flush();
			this.published = COMMENTS;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void write(String yaml) {
		try {
			// written beside and moved over, as editors and ConfigMaps do, so no check reads half a file
			Path next = POLICY.resolveSibling("policy.yaml.next");
			Files.writeString(next, yaml, StandardCharsets.UTF_8);
			Files.move(next, POLICY, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path policyFile() {
		try {
			Path file = Files.createTempDirectory("policy-e2e").resolve("policy.yaml");
			Files.writeString(file, BLOCKING, StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
