package dev.commentmoderation.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier's offline tools from the built jar: {@code java -jar ... classifier train}, then
 * {@code classifier evaluate}, each a separate JVM with no broker and no Spring context. Failsafe runs it after
 * package ({@code ./mvnw verify}), with the jar in {@code project.jar}.
 */
class ClassifierJarIT {

	@TempDir
	Path dir;

	@Test
	void theJarTrainsAModelAndEvaluatesIt() throws IOException, InterruptedException {
		// set by Failsafe; Surefire runs before package: skip
		String built = System.getProperty("project.jar");
		assumeTrue(built != null, "runs after package, in Failsafe (./mvnw verify)");
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			lines.add("{\"commentId\":\"s" + i + "\",\"content\":\"win a free cash prize " + i + "\",\"label\":\"spam\"}");
			lines.add("{\"commentId\":\"h" + i + "\",\"content\":\"thanks for the report " + i + "\",\"label\":\"ham\"}");
		}
		Path labeled = Files.write(this.dir.resolve("labeled.jsonl"), lines, StandardCharsets.UTF_8);
		Path model = this.dir.resolve("model.json");

		List<String> train = run(built, "classifier", "train", "--labels", labeled.toString(), "--out",
				model.toString());
		List<String> evaluate = run(built, "classifier", "evaluate", "--model", model.toString(), "--min-labels",
				"10", labeled.toString());

		assertThat(train).anyMatch(line -> line.contains("learned 40 labeled comments"));
		assertThat(evaluate).anyMatch(line -> line.contains("20 spam, 20 ham, 0 abstained, ROC AUC 1.000"))
			.noneMatch(line -> line.contains("Spring") || line.contains("Kafka"));
	}

	private List<String> run(String jar, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-jar", jar));
		command.addAll(List.of(args));
		Path output = Files.createTempFile(this.dir, "out", ".txt");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		try {
			assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
			List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
			return lines;
		}
		finally {
			process.destroyForcibly();
		}
	}

}
