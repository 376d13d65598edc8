package dev.commentmoderation.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The alerting rules, checked by Prometheus' own promtool (no Java PromQL parser is maintained on Central): every
 * expression parses, and each alert fires, or stays quiet, on the series of alerts-test.yml. Needs promtool on the
 * PATH (Debian: apt-get install prometheus; .ci/run installs it); skipped without it.
 */
class AlertRulesTest {

	@TempDir
	Path dir;

	@Test
	void everyRuleParsesAsPrometheusLoadsIt() throws Exception {
		Result result = promtool("check", "rules", ChartOperationsTest.RULES_FILE.toString());

		assertThat(result.status()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: " + AlertRules.alerts().size() + " rules found");
	}

	@Test
	void eachAlertFiresOnItsConditionAndOnlyThen() throws Exception {
		Path tests = this.dir.resolve("alerts-test.yml");
		Files.writeString(tests, Files.readString(Chart.testResource("deploy/alerts-test.yml"))
			.replace("RULES_FILE", ChartOperationsTest.RULES_FILE.toString()));

		Result result = promtool("test", "rules", tests.toString());

		assertThat(result.status()).as(result.output()).isZero();
		for (String alert : AlertRules.alerts().stream().map((a) -> (String) a.get("alert")).toList()) {
			assertThat(Files.readString(tests)).as("a unit test of " + alert).contains("alertname: " + alert);
		}
	}

	@Test
	void aBrokenExpressionFailsTheCheck() throws Exception {
		Path broken = this.dir.resolve("broken.yml");
		Files.writeString(broken, """
				groups:
				  - name: broken
				    rules:
				      - alert: Broken
				        expr: sum by (application (moderation_comments_total)
				""");

		Result result = promtool("check", "rules", broken.toString());

		assertThat(result.status()).isNotZero();
	}

	private Result promtool(String... args) throws IOException, InterruptedException {
		assumeTrue(onPath("promtool"), "promtool is not installed (apt-get install prometheus)");
		Path output = this.dir.resolve("promtool.txt");
		List<String> command = new java.util.ArrayList<>(List.of("promtool"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
		return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, program)));
	}

	record Result(int status, String output) {
	}

}
