package dev.commentmoderation.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClassifierToolTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return new ClassifierTool(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8))
			.run(args);
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private static String line(String id, String label, String content) {
		return "{\"commentId\":\"" + id + "\",\"siteId\":\"s\",\"author\":{\"name\":\"Reader " + id
				+ "\",\"email\":\"r" + id + "@example.com\"},\"content\":\"" + content + "\",\"label\":\"" + label
				+ "\"}";
	}

	/** n spam and n ham comments of two vocabularies, interleaved. */
	private Path labeled(String name, int n) throws IOException {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			lines.add(line(name + "-s" + i, "spam", "win a free cash prize now " + i));
			lines.add(line(name + "-h" + i, "ham", "thanks for the article about the council " + i));
		}
		return Files.write(dir.resolve(name + ".jsonl"), lines, StandardCharsets.UTF_8);
	}

	@Nested
	class TrainAndEvaluate {

		@Test
		void aTrainedModelFileEvaluatesPerfectlyOnTheSameVocabularies() throws IOException {
			Path model = dir.resolve("model.json");

			assertThat(run("train", "--labels", labeled("train", 30).toString(), "--out", model.toString())).isZero();
			assertThat(out()).contains("learned 60 labeled comments", "30 spam, 30 ham");
			out.reset();

			assertThat(run("evaluate", "--model", model.toString(), "--min-labels", "10", "--format", "json",
					labeled("test", 10).toString()))
				.isZero();
			JsonNode report = JsonMapper.builder().build().readTree(out());
			assertThat(report.path("rocAuc").asDouble()).isEqualTo(1.0);
			assertThat(report.path("hold").path("recall").asDouble()).isEqualTo(1.0);
			assertThat(report.path("hold").path("falsePositiveRate").asDouble()).isEqualTo(0.0);
		}

		@Test
		void evaluationAbstainsWithAModelBelowTheMinimumLabels() throws IOException {
			Path model = dir.resolve("model.json");
			run("train", "--labels", labeled("train", 5).toString(), "--out", model.toString());
			out.reset();

			assertThat(run("evaluate", "--model", model.toString(), labeled("test", 3).toString())).isZero();
			assertThat(out()).contains("6 abstained");
		}

		@Test
		void aTextEvaluationPrintsAThresholdTable() throws IOException {
			Path model = dir.resolve("model.json");
			run("train", "--labels", labeled("train", 12).toString(), "--out", model.toString());
			out.reset();

			run("evaluate", "--model", model.toString(), "--min-labels", "10", labeled("test", 3).toString());

			assertThat(out()).contains("ROC AUC", "| threshold | spam recall | ham FPR | precision |", "| 0.99 |");
		}

	}

	@Nested
	class Quality {

		@Test
		void qualityComparesTheClassifierWithTheRulesAlone() throws IOException {
			assertThat(run("quality", "--train", labeled("train", 30).toString(), "--test",
					labeled("test", 10).toString(), "--min-labels", "10"))
				.isZero();

			assertThat(out()).contains("| rules alone (built-in defaults) | 0.000 (0/10)",
					"| classifier, held at >= " + dev.commentmoderation.classifier.ClassifierSettings.DEFAULTS.holdAt()
							+ " | 1.000 (10/10) | 0.000 (0/10)");
		}

	}

	@Nested
	class BadInput {

		@Test
		void anUnknownSubcommandIsAUsageError() {
			assertThat(run("export")).isEqualTo(ClassifierTool.USAGE);
			assertThat(err()).contains("unknown subcommand export", "Usage:");
		}

		@Test
		void aMissingRequiredOptionIsAUsageError() {
			assertThat(run("train", "--labels", "x.jsonl")).isEqualTo(ClassifierTool.USAGE);
			assertThat(err()).contains("train needs --out");
		}

		@Test
		void aThresholdOutOfRangeIsAUsageError() throws IOException {
			assertThat(run("evaluate", "--model", "m.json", "--hold", "1.5", labeled("t", 1).toString()))
				.isEqualTo(ClassifierTool.USAGE);
			assertThat(err()).contains("--hold must be in [0, 1]");
		}

		@Test
		void aLineWithoutALabelFailsNamingItsLineButNotItsText() throws IOException {
			Path file = Files.write(dir.resolve("bad.jsonl"),
					List.of(line("a", "spam", "x"), "{\"commentId\":\"b\",\"content\":\"secret text\"}"));

			assertThat(run("train", "--labels", file.toString(), "--out", dir.resolve("m.json").toString()))
				.isEqualTo(ClassifierTool.FAILED);
			assertThat(err()).contains("line 2", "label").doesNotContain("secret text");
		}

		@Test
		void aFileThatIsNotAModelFails() throws IOException {
			Path model = Files.writeString(dir.resolve("model.json"), "{\"format\":\"other\"}");

			assertThat(run("evaluate", "--model", model.toString(), labeled("t", 1).toString()))
				.isEqualTo(ClassifierTool.FAILED);
			assertThat(err()).contains("is not a model file");
		}

		@Test
		void helpPrintsTheUsage() {
			assertThat(run("--help")).isZero();
			assertThat(out()).contains("train --labels", "evaluate --model", "quality --train");
		}

	}

}
