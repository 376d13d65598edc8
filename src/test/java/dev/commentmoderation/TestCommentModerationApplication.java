package dev.commentmoderation;

import org.springframework.boot.SpringApplication;

/**
 * Runs the service against a broker in this JVM: {@code ./mvnw spring-boot:test-run}. The broker listens on
 * localhost:9092 (change it with {@code -Dembedded.kafka.port=...}), and the service creates its topics.
 */
public class TestCommentModerationApplication {

	public static void main(String[] args) {
		SpringApplication.from(CommentModerationApplication::main).with(EmbeddedKafkaConfiguration.class).run(args);
	}

}
