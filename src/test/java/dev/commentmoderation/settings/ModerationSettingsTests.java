package dev.commentmoderation.settings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.commentmoderation.CommentModerationApplication;
import dev.commentmoderation.rules.CommentModerator;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class ModerationSettingsTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, RulesConfiguration.class);

	CapturedOutput output;

	@BeforeEach
	void captureOutput(CapturedOutput output) {
		this.output = output;
	}

	@EnableConfigurationProperties({ RuleProperties.class, TopicSettings.class })
	static class Settings {

	}

	@Test
	void defaultsFollowWordPress() {
		this.runner.run(context -> {
			RuleSettings rules = context.getBean(RuleSettings.class);
			assertThat(rules).isEqualTo(RuleSettings.DEFAULTS);
			TopicSettings topics = context.getBean(TopicSettings.class);
			assertThat(List.of(topics.submitted(), topics.approved(), topics.rejected(), topics.deadLetter()))
				.containsExactly("comments.submitted", "comments.approved", "comments.rejected",
						"comments.submitted.DLT");
		});
	}

	@Test
	void aNegativeMaximumStopsStartUpNamingTheProperty() {
		assertStartUpFails("moderation.rules.max-links=-1", "moderation.rules.max-links");
	}

	@Test
	void aSpamPatternThatDoesNotCompileStopsStartUpNamingTheProperty() {
		assertStartUpFails("moderation.rules.spam-patterns[0]=(unclosed", "moderation.rules.spamPatterns[0]");
	}

	@Test
	void aBacktrackingOnlyConstructIsRefusedBecausePatternsRunInLinearTime() {
		assertStartUpFails("moderation.rules.spam-patterns[0]=(a)\\1", "moderation.rules.spamPatterns[0]");
	}

	@Test
	void aMissingTermsFileStopsStartUpNamingTheProperty() {
		assertStartUpFails("moderation.rules.blocked-terms-file=/nonexistent/terms.txt",
				"moderation.rules.blocked-terms-file");
	}

	@Test
	void aNegativeMinimumSubmitTimeStopsStartUpNamingTheProperty() {
		assertStartUpFails("moderation.rules.min-submit-time=-5s", "moderation.rules.min-submit-time");
	}

	@Test
	void anIllegalTopicNameStopsStartUpNamingTheProperty() {
		assertStartUpFails("moderation.topics.rejected=comments rejected", "moderation.topics.rejected");
	}

	@Test
	void aNegativeFloodIntervalStopsStartUpNamingTheProperty() {
		assertStartUpFails("moderation.rules.flood-interval=-1s", "moderation.rules.flood-interval");
	}

	@Test
	void aFloodIntervalLongerThanTheFloodStoresKeepStopsStartUpNamingBothProperties() {
		SpringApplication application = new SpringApplication(CommentModerationApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> application.run("--moderation.rules.flood-interval=2h")).isNotNull();
		assertThat(this.output).contains("moderation.rules.flood-interval: PT2H is longer than "
				+ "moderation.policy.max-flood-interval (PT1H)");
	}

	@Test
	void aZeroDecisionRetentionStopsStartUpNamingTheProperty() {
		assertStartUpFails("moderation.rules.decision-retention=0s", "moderation.rules.decision-retention");
	}

	@Test
	void aNegativeTrustedAuthorThresholdStopsStartUpNamingTheProperty() {
		assertStartUpFails("moderation.rules.trusted-author-min-approved=-1",
				"moderation.rules.trusted-author-min-approved");
	}

	@Test
	void anUnknownActionStopsStartUp() {
		assertStartUpFails("moderation.rules.actions.BLOCKED_TERM=MAYBE", "moderation.rules.actions");
	}

	@Test
	void anIllegalHeldTopicNameStopsStartUpNamingTheProperty() {
		assertStartUpFails("moderation.topics.held=comments held", "moderation.topics.held");
	}

	@Test
	void statefulDefaultsFollowWordPressAndTheIssue() {
		this.runner.run(context -> {
			assertThat(context.getBean(StatefulSettings.class)).isEqualTo(StatefulSettings.DEFAULTS);
			assertThat(context.getBean(RuleSettings.class).actions()).isEqualTo(RuleActions.DEFAULTS);
			TopicSettings topics = context.getBean(TopicSettings.class);
			assertThat(List.of(topics.held(), topics.reviewed())).containsExactly("comments.held", "comments.reviewed");
		});
	}

	@Test
	void environmentVariablesBindHeldTermsActionsAndStatefulSettings(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("held.txt");
		Files.writeString(file, "# held\nrefund\n", StandardCharsets.UTF_8);
		this.runner.withInitializer(context -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("MODERATION_RULES_HELDTERMS", "crypto", "MODERATION_RULES_HELDTERMSFILE", file.toString(),
							"MODERATION_RULES_ACTIONS_BLOCKEDTERM", "HOLD", "MODERATION_RULES_ACTIONS_TOOMANYLINKS",
							"REJECT", "MODERATION_RULES_FLOODINTERVAL", "30s", "MODERATION_RULES_DECISIONRETENTION",
							"3d", "MODERATION_RULES_TRUSTEDAUTHORMINAPPROVED", "2", "MODERATION_TOPICS_HELD",
							"site.comments.held"))))
			.run(context -> {
				RuleSettings rules = context.getBean(RuleSettings.class);
				assertThat(rules.heldTerms()).containsExactly("crypto", "refund");
				assertThat(rules.actions().of(ReasonCode.BLOCKED_TERM)).isEqualTo(RuleAction.HOLD);
				assertThat(rules.actions().of(ReasonCode.TOO_MANY_LINKS)).isEqualTo(RuleAction.REJECT);
				assertThat(rules.actions().of(ReasonCode.HELD_TERM)).isEqualTo(RuleAction.HOLD);
				StatefulSettings stateful = context.getBean(StatefulSettings.class);
				assertThat(stateful.floodInterval()).isEqualTo(Duration.ofSeconds(30));
				assertThat(stateful.decisionRetention()).isEqualTo(Duration.ofDays(3));
				assertThat(stateful.trustedAuthorMinApproved()).isEqualTo(2);
				assertThat(context.getBean(TopicSettings.class).held()).isEqualTo("site.comments.held");
			});
	}

	@Test
	void theReasonIsGivenWithTheProperty() {
		assertStartUpFails("moderation.rules.max-links=-3", "moderation.rules.max-links");
		assertThat(this.output).contains("must be greater than or equal to 0");
	}

	@Test
	void termsFromTheFileAddToTheListIgnoringBlankLinesAndComments(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("terms.txt");
		Files.writeString(file, "# spam words\ncasino\n\n  free money  \n", StandardCharsets.UTF_8);

		this.runner
			.withPropertyValues("moderation.rules.blocked-terms=viagra", "moderation.rules.blocked-terms-file=" + file)
			.run(context -> assertThat(context.getBean(RuleSettings.class).blockedTerms())
				.containsExactly("viagra", "casino", "free money"));
	}

	@Test
	void environmentVariablesBindScalarsDurationsAndLists() {
		this.runner.withInitializer(context -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("MODERATION_RULES_MAXLINKS", "5", "MODERATION_RULES_MINSUBMITTIME", "2s",
							"MODERATION_RULES_BLOCKEDTERMS", "casino,free money",
							// indexed form: a regex may contain a comma, which the comma-separated form would split
							"MODERATION_RULES_SPAMPATTERNS_0_", "(?i)\\[url=", "MODERATION_RULES_SPAMPATTERNS_1_",
							"x{2,5}", "MODERATION_TOPICS_DEADLETTER", "site.comments.DLT"))))
			.run(context -> {
				RuleSettings rules = context.getBean(RuleSettings.class);
				assertThat(rules.maxLinks()).isEqualTo(5);
				assertThat(rules.minSubmitTime()).isEqualTo(Duration.ofSeconds(2));
				assertThat(rules.blockedTerms()).containsExactly("casino", "free money");
				assertThat(rules.spamPatterns()).containsExactly("(?i)\\[url=", "x{2,5}");
				assertThat(context.getBean(TopicSettings.class).deadLetter()).isEqualTo("site.comments.DLT");
			});
	}

	@Test
	void configuredTermsReallyReachTheRules() {
		this.runner.withPropertyValues("moderation.rules.blocked-terms=casino").run(context -> {
			var verdict = new CommentModerator(context.getBean(RuleSettings.class))
				.moderate(new dev.commentmoderation.rules.Comment("c", null, null, null,
						new dev.commentmoderation.rules.Author("Jane", "jane@example.org", null, null, null),
						"Visit the Cаsino", null, null, null));
			assertThat(verdict.decision()).isEqualTo(Decision.REJECTED);
		});
	}

	/** Starts the real application, as ops would, and reads what it tells them. */
	@Test
	void anInvalidPolicyFileStopsStartUpNamingThePropertyAndEveryProblem(@TempDir java.nio.file.Path dir)
			throws java.io.IOException {
		java.nio.file.Path policy = java.nio.file.Files.writeString(dir.resolve("policy.yaml"),
				"defaults: {max-links: -1}\nsites: {a: {spam-patterns: ['(']}}\n");
		SpringApplication application = new SpringApplication(CommentModerationApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> application.run("--moderation.policy.file=" + policy)).isNotNull();
		assertThat(this.output).contains("APPLICATION FAILED TO START")
			.contains("moderation.policy.file: " + policy + " is not a valid moderation policy")
			.contains("defaults.max-links");
	}

	@Test
	void aMissingPolicyFileStopsStartUpNamingTheProperty() {
		assertStartUpFails("moderation.policy.file=/nonexistent/policy.yaml", "moderation.policy.file");
	}

	@Test
	void aReloadIntervalThatIsNotPositiveStopsStartUpNamingTheProperty() {
		assertStartUpFails("moderation.policy.reload-interval=0s", "moderation.policy.reload-interval");
	}

	/** The classifier's settings are checked together when the topology is built: one property cannot say it. */
	@Test
	void aRejectThresholdBelowTheHoldThresholdStopsStartUpNamingTheClassifierSettings() {
		SpringApplication application = new SpringApplication(CommentModerationApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> application.run("--moderation.classifier.hold-at=0.9",
				"--moderation.classifier.reject-at=0.5"))
			.hasStackTraceContaining(
					"Invalid moderation.classifier settings: rejectAt (0.5) must not be below holdAt (0.9)");
	}

	void assertStartUpFails(String property, String expectedName) {
		SpringApplication application = new SpringApplication(CommentModerationApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> application.run("--" + property)).isNotNull();
		// Boot names a record's property in its Java form (spamPatterns[0]) and, where it has one, by its origin
		assertThat(this.output).contains("APPLICATION FAILED TO START")
			.containsAnyOf("Origin: \"" + expectedName + "\"", "Property: " + expectedName);
	}

}
