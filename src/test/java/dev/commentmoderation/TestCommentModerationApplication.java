package dev.commentmoderation;

import org.springframework.boot.SpringApplication;

/**
 * Runs the service against a broker in this JVM: {@code ./mvnw spring-boot:test-run}. The broker listens on
 * localhost:9092 (change it with {@code -Dembedded.kafka.port=...}), the service creates its topics, and the
 * {@code dev} profile ({@code src/test/resources/application-dev.yml}) adds demo blocked terms.
 */
public class TestCommentModerationApplication {

	public static void main(String[] args) {
		SpringApplication.from(CommentModerationApplication::main)
			.with(EmbeddedKafkaConfiguration.class)
			.withAdditionalProfiles("dev")
			.run(args);
	}

}
