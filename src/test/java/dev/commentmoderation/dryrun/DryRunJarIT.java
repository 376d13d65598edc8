package dev.commentmoderation.dryrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dry run from the built jar, as a moderator runs it: {@code java -jar ... dry-run}, a separate JVM, no broker,
 * no Spring context. Failsafe runs it after package ({@code ./mvnw verify}), with the jar in {@code project.jar}.
 */
class DryRunJarIT {

	@Test
	void theJarRunsTheDryRunAndExitsWith0() throws IOException, InterruptedException {
		// set by Failsafe; Surefire (e.g. -Dtest='DryRun*', which matches this class too) runs before package: skip
		String built = System.getProperty("project.jar");
		assumeTrue(built != null, "runs after package, in Failsafe (./mvnw verify)");
		Path jar = Path.of(built);
		assertThat(jar).as("the built jar").isRegularFile();
		Path output = Files.createTempFile("dry-run", ".txt");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "dry-run", "--policy",
				"deploy/policy/moderation-policy.yaml", "samples/comments.jsonl")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try {
			assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
			List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);

			assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
			assertThat(lines).contains(
					"19    c-blocked-term              _default  REJECTED  2      4/8             BLOCKED_TERM, NEW_AUTHOR+2")
				.anyMatch(line -> line.startsWith("24 lines: 7 APPROVED, 3 HELD, 14 REJECTED, 0 DEAD_LETTER; policy "))
				.noneMatch(line -> line.contains("Spring") || line.contains("Kafka"));
		}
		finally {
			process.destroyForcibly();
			Files.deleteIfExists(output);
		}
	}

	/** What the chart's pre-install/pre-upgrade hook Job runs: 0 for a valid policy, 2 listing the problems. */
	@Test
	void theJarChecksAPolicyAsTheChartsHookRunsIt() throws IOException, InterruptedException {
		String built = System.getProperty("project.jar");
		assumeTrue(built != null, "runs after package, in Failsafe (./mvnw verify)");
		Path invalid = Files.createTempFile("policy", ".yaml");
		Files.writeString(invalid, "defaults:\n  hold-score: 9\n  reject-score: 8\n");
		try {
			Run valid = java(built, "dry-run", "--check-policy", "deploy/policy/moderation-policy.yaml");
			assertThat(valid.status()).as(valid.output()).isZero();
			assertThat(valid.output()).contains("is a valid moderation policy");

			Run refused = java(built, "dry-run", "--check-policy", invalid.toString());
			assertThat(refused.status()).as(refused.output()).isEqualTo(2);
			assertThat(refused.output()).contains("is not a valid moderation policy", "  - defaults.hold-score");
		}
		finally {
			Files.deleteIfExists(invalid);
		}
	}

	private static Run java(String jar, String... args) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-jar",
				jar));
		command.addAll(List.of(args));
		Path output = Files.createTempFile("dry-run", ".txt");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		try {
			assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
			return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		}
		finally {
			process.destroyForcibly();
			Files.deleteIfExists(output);
		}
	}

	record Run(int status, String output) {
	}

}
