package dev.commentmoderation.web;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.commentmoderation.CommentModerationApplication;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.WorkbenchUsers;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code moderation.console.enabled=false}: no console and no login page; the API stays. */
class ConsoleDisabledTests {

	static ConfigurableApplicationContext service;

	static int port;

	@BeforeAll
	static void start() {
		// the stream is not started: these requests never reach it
		service = new SpringApplicationBuilder(CommentModerationApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=localhost:" + KafkaBroker.freePort(),
				"--spring.kafka.streams.auto-startup=false", "--moderation.console.enabled=false",
				"--" + WorkbenchUsers.USERS_FILE, "--spring.main.banner-mode=off");
		port = ((WebServerApplicationContext) service).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		service.close();
	}

	@Test
	void theConsoleIsRefusedEvenToAModerator() {
		assertThat(status("/console/", WorkbenchUsers.basic(WorkbenchUsers.MODERATOR))).isEqualTo(403);
		assertThat(status("/console/console.js", null)).isEqualTo(403);
	}

	@Test
	void thereIsNoLoginPage() {
		assertThat(status("/login", null)).isEqualTo(403);
	}

	@Test
	void theApiStillAnswers() {
		assertThat(status("/api/v1/queue", null)).isEqualTo(401);
		// authenticated, and the stream is not running: 503
		assertThat(status("/api/v1/queue", WorkbenchUsers.basic(WorkbenchUsers.VIEWER))).isEqualTo(503);
	}

	static int status(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return WorkbenchApiTests.exchange(request.build()).statusCode();
	}

}
