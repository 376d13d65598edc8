package dev.commentmoderation.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.commentmoderation.CommentModerationApplication;
import dev.commentmoderation.testing.KafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A workbench setting that would leave it unusable or open stops start-up, naming the property. */
@ExtendWith(OutputCaptureExtension.class)
class WorkbenchStartupTests {

	@Test
	void aMissingUsersFileStopsStartUp() {
		assertThatThrownBy(() -> start("--moderation.security.users-file=/nonexistent/users.yml"))
			.satisfies((ex) -> assertChainMentions(ex, "moderation.security.users-file"));
	}

	@Test
	void anInvalidUsersFileStopsStartUp() {
		assertThatThrownBy(() -> start("--moderation.security.users-file=pom.xml"))
			.satisfies((ex) -> assertChainMentions(ex, "moderation.security.users-file"));
	}

	@Test
	void theFailureIsReportedWithoutAStackTrace(CapturedOutput output) {
		assertThatThrownBy(() -> start("--moderation.security.users-file=pom.xml"));
		assertThat(output).contains("moderation.security.users-file: pom.xml cannot be read as YAML")
			.contains("Fix the setting");
	}

	@Test
	void aRelativeIssuerUriStopsStartUp() {
		assertThatThrownBy(() -> start("--spring.security.oauth2.resourceserver.jwt.issuer-uri=login.example.com/realms/x"))
			.satisfies((ex) -> assertChainMentions(ex, "spring.security.oauth2.resourceserver.jwt.issuer-uri"));
	}

	@Test
	void aBlankRolesClaimStopsStartUp() {
		assertThatThrownBy(() -> start("--moderation.security.jwt.roles-claim= "))
			.satisfies((ex) -> assertChainMentions(ex, "moderation.security.jwt"));
	}

	@Test
	void aShortPeerSecretStopsStartUp() {
		assertThatThrownBy(() -> start("--moderation.workbench.peer-secret=short"))
			.satisfies((ex) -> assertChainMentions(ex, "moderation.workbench"));
	}

	static void start(String... args) {
		String[] all = new String[args.length + 4];
		System.arraycopy(args, 0, all, 0, args.length);
		// nothing listens there: start-up must stop before the stream would need a broker
		all[args.length] = "--spring.kafka.bootstrap-servers=localhost:" + KafkaBroker.freePort();
		all[args.length + 1] = "--server.port=0";
		all[args.length + 2] = "--spring.kafka.streams.auto-startup=false";
		all[args.length + 3] = "--spring.main.banner-mode=off";
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommentModerationApplication.class)
			.run(all)) {
			// started: the test fails below
		}
		throw new AssertionError("started with " + String.join(" ", args));
	}

	static void assertChainMentions(Throwable ex, String property) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		if (!messages.toString().contains(property)) {
			throw new AssertionError("no mention of " + property + " in:\n" + messages);
		}
	}

}
