package dev.commentmoderation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import dev.commentmoderation.testing.KafkaClients;
import dev.commentmoderation.testing.SampleComments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service against the official Apache Kafka image, for those who have Docker. Where there is no Docker
 * engine (as on the project's CI machine) JUnit reports this class as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = { "moderation.topics.create=true", "moderation.topics.replication-factor=1",
		"spring.kafka.streams.state-dir=${java.io.tmpdir}/containers-${random.uuid}" })
class ModerationServiceContainerTests {

	@Container
	@ServiceConnection
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

	@Test
	void decidesEachCommentOnceOnTheOfficialKafkaImage() {
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(kafka.getBootstrapServers())) {
			for (int i = 0; i < 20; i++) {
				KafkaClients.send(producer, "comments.submitted", "k",
						(i % 2 == 0) ? SampleComments.valid("c-" + i) : SampleComments.withoutEmail("c-" + i));
			}
			producer.flush();
		}
		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(kafka.getBootstrapServers(),
				"comments.approved", "comments.rejected")) {
			List<ConsumerRecord<byte[], byte[]>> records = KafkaClients.readAtLeast(reader, 20,
					Duration.ofSeconds(90));
			Map<String, String> decisions = new HashMap<>();
			records.forEach(record -> assertThat(decisions.put(KafkaClients.utf8(record.key()), record.topic()))
				.as("one decision per comment")
				.isNull());
			assertThat(decisions).hasSize(20);
			assertThat(decisions.values().stream().filter("comments.approved"::equals)).hasSize(10);
		}
	}

}
