package dev.commentmoderation.stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;

import dev.commentmoderation.settings.TopicSettings;
import dev.commentmoderation.testing.KafkaBroker;

/** The review stage reads the approved and rejected topics beside its repartition topics, partition for partition. */
class DecisionTopicsCheckTests {

	static KafkaBroker broker;

	static KafkaAdmin admin;

	@BeforeAll
	static void startBroker() throws Exception {
		broker = new KafkaBroker(0).start();
		admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
		try (Admin client = Admin.create(admin.getConfigurationProperties())) {
			client.createTopics(List.of(new NewTopic("six.approved", 6, (short) 1),
					new NewTopic("six.rejected", 6, (short) 1), new NewTopic("three.rejected", 3, (short) 1)))
				.all()
				.get();
		}
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	static TopicSettings topics(String approved, String rejected, int partitions) {
		return new TopicSettings("in", approved, rejected, "in.DLT", "held", "reviewed", "actions", "model", false,
				partitions, (short) -1);
	}

	@Test
	void decisionTopicsWithTheConfiguredPartitionsPass() {
		assertThatCode(() -> new DecisionTopicsCheck(admin, topics("six.approved", "six.rejected", 6)).start())
			.doesNotThrowAnyException();
	}

	@Test
	void aDecisionTopicWithOtherPartitionsStopsStartUpNamingTheProperty() {
		assertThatThrownBy(() -> new DecisionTopicsCheck(admin, topics("six.approved", "three.rejected", 6)).start())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("moderation.topics.partitions is 6")
			.hasMessageContaining("three.rejected has 3 partitions");
	}

	@Test
	void aMissingTopicIsLeftToKafkaStreamsToReport() {
		assertThatCode(() -> new DecisionTopicsCheck(admin, topics("absent.approved", "six.rejected", 6)).start())
			.doesNotThrowAnyException();
	}

}
