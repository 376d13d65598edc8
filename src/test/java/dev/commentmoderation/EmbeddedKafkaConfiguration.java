package dev.commentmoderation;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

import dev.commentmoderation.testing.KafkaBroker;

/**
 * A single-node KRaft broker in this JVM, on {@code localhost:${embedded.kafka.port:9092}} (0 picks a free
 * port), and the service pointed at it with topic creation on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedKafkaConfiguration {

	@Bean(destroyMethod = "close")
	KafkaBroker kafkaBroker(Environment environment) {
		return new KafkaBroker(environment.getProperty("embedded.kafka.port", Integer.class, 9092)).start();
	}

	@Bean
	DynamicPropertyRegistrar embeddedKafkaProperties(KafkaBroker broker) {
		return registry -> {
			registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
			registry.add("moderation.topics.create", () -> "true");
			registry.add("moderation.topics.replication-factor", () -> "1");
		};
	}

}
