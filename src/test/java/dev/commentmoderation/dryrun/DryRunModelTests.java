package dev.commentmoderation.dryrun;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.classifier.Label;
import dev.commentmoderation.classifier.ModelFile;
import dev.commentmoderation.classifier.Trainer;
import dev.commentmoderation.rules.Author;
import dev.commentmoderation.rules.Comment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dry run's {@code --model}: each comment scored with a model file as the service's first stage scores it,
 * SPAM_CLASSIFIER holding at hold-at and rejecting at reject-at, the probability in the table and the JSON.
 */
class DryRunModelTests {

	static final String SPAM = "win a free cash prize now, claim your casino bonus";

	static final String HAM = "thanks for the article about the council meeting, very clear";

	@TempDir
	Path dir;

	Path model;

	Path comments;

	@BeforeEach
	void trainAModelAndWriteComments() throws IOException {
		this.model = model("model.json", 210);
		this.comments = Files.write(this.dir.resolve("comments.jsonl"), List.of(
				comment("c-spam", "spammer@example.net", "198.51.100.1", "10:00:00Z", SPAM + " today"),
				comment("c-ham", "reader@example.org", "198.51.100.2", "10:05:00Z", HAM + " again"),
				comment("c-no-email", "", "198.51.100.3", "10:10:00Z", SPAM),
				comment("c-mixed", "mixed@example.com", "198.51.100.4", "10:15:00Z", "win a free cash prize "
						+ "thanks for the article about the council")), StandardCharsets.UTF_8);
	}

	@Nested
	class Table {

		@Test
		void aSpamLikeCommentIsRejectedWithSpamClassifierAtTheDefaultThresholds() {
			DryRunTests.Result result = DryRunTests.run("--model", model.toString(), comments.toString());

			assertThat(result.status()).as(result.err()).isZero();
			String[] row = result.row("c-spam");
			assertThat(row[3]).isEqualTo("REJECTED");
			assertThat(Double.parseDouble(row[6])).isGreaterThanOrEqualTo(ClassifierSettings.DEFAULTS.rejectAt());
			assertThat(row[7]).isEqualTo("SPAM_CLASSIFIER");
		}

		@Test
		void betweenHoldAndRejectTheCommentIsHeld() {
			DryRunTests.Result result = DryRunTests.run("--model", model.toString(), "--hold", "0.05", "--reject",
					"0.95", comments.toString());

			String[] row = result.row("c-mixed");
			assertThat(Double.parseDouble(row[6])).as("spam and ham words: in between").isBetween(0.05, 0.95);
			assertThat(row).containsSubsequence("HELD", "SPAM_CLASSIFIER");
		}

		@Test
		void aSitesPolicyThresholdsWinOverTheServiceDefaultsAsInTheService() throws IOException {
			Path policy = Files.writeString(dir.resolve("policy.yaml"), """
					sites:
					  example-news:
					    classifier-hold-at: 0.05
					    classifier-reject-at: 0.95
					""");

			DryRunTests.Result result = DryRunTests.run("--policy", policy.toString(), "--model", model.toString(),
					comments.toString());

			assertThat(result.status()).as(result.err()).isZero();
			assertThat(result.row("c-mixed")).containsSubsequence("HELD", "SPAM_CLASSIFIER");
		}

		@Test
		void aHamLikeCommentIsApprovedWithItsLowProbability() {
			DryRunTests.Result result = DryRunTests.run("--model", model.toString(), comments.toString());

			String[] row = result.row("c-ham");
			assertThat(row[3]).isEqualTo("APPROVED");
			assertThat(Double.parseDouble(row[6])).isLessThan(0.5);
			assertThat(row[7]).isEqualTo("-");
		}

		@Test
		void aCommentWithoutAValidEmailIsNotScoredAsInTheService() {
			DryRunTests.Result result = DryRunTests.run("--model", model.toString(), comments.toString());

			assertThat(result.row("c-no-email")).containsSubsequence("REJECTED", "-", "EMAIL_REQUIRED");
		}

		@Test
		void aModelWithTooFewLabelsAbstains() throws IOException {
			Path small = model("small.json", 20);

			DryRunTests.Result result = DryRunTests.run("--model", small.toString(), comments.toString());

			assertThat(result.row("c-spam")).containsSubsequence("APPROVED", "abstain", "-");
		}

		@Test
		void theMinimumLabelsCanBeLowered() throws IOException {
			Path small = model("small.json", 20);

			DryRunTests.Result result = DryRunTests.run("--model", small.toString(), "--min-labels", "20",
					comments.toString());

			assertThat(result.row("c-spam")[7]).isEqualTo("SPAM_CLASSIFIER");
		}

		@Test
		void theLastLineNamesTheModelAndItsThresholds() {
			DryRunTests.Result result = DryRunTests.run("--model", model.toString(), comments.toString());

			assertThat(result.lastLine()).isEqualTo("spam classifier: model *:210s210h:420, hold at 0.85, "
					+ "reject at 0.98, abstains below 200 spam / 200 ham labels");
		}

		@Test
		void neverShowsTheCommentsWordsWhichAreTheClassifiersTokens() {
			String output = DryRunTests.run("--model", model.toString(), comments.toString()).out()
					+ DryRunTests.run("--model", model.toString(), "--format", "json", comments.toString()).out();

			assertThat(output).doesNotContain("casino", "council", "spammer", "@");
		}

	}

	@Nested
	class Json {

		@Test
		void eachScoredOutcomeCarriesItsProbabilityAndTheReportTheModel() {
			DryRunTests.Result result = DryRunTests.run("--model", model.toString(), "--format", "json",
					comments.toString());

			JsonNode report = JsonMapper.builder().build().readTree(result.out());
			assertThat(report.path("classifier").path("modelVersion").stringValue()).isEqualTo("*:210s210h:420");
			assertThat(report.path("classifier").path("holdAt").doubleValue()).isEqualTo(0.85);
			JsonNode spam = report.path("outcomes").get(0);
			assertThat(spam.path("outcome").stringValue()).isEqualTo("REJECTED");
			assertThat(spam.path("reasons").get(0).stringValue()).isEqualTo("SPAM_CLASSIFIER");
			assertThat(spam.path("classifier").path("probability").doubleValue()).isGreaterThanOrEqualTo(0.98);
			assertThat(report.path("outcomes").get(2).has("classifier")).as("no valid email: not scored").isFalse();
		}

		@Test
		void withoutAModelThereIsNoClassifier() {
			DryRunTests.Result result = DryRunTests.run("--format", "json", comments.toString());

			JsonNode report = JsonMapper.builder().build().readTree(result.out());
			assertThat(report.has("classifier")).isFalse();
			assertThat(report.path("outcomes").get(0).has("classifier")).isFalse();
			assertThat(report.path("outcomes").get(0).path("outcome").stringValue()).isEqualTo("APPROVED");
		}

	}

	@Nested
	class Refused {

		@Test
		void thresholdsWithoutAModelAreABadCommandLine() {
			DryRunTests.Result result = DryRunTests.run("--hold", "0.5", comments.toString());

			assertThat(result.status()).isEqualTo(DryRun.INVALID);
			assertThat(result.err()).contains("--hold, --reject and --min-labels need --model");
		}

		@Test
		void aRejectThresholdBelowTheHoldOneIsABadCommandLine() {
			DryRunTests.Result result = DryRunTests.run("--model", model.toString(), "--hold", "0.9", "--reject",
					"0.5", comments.toString());

			assertThat(result.status()).isEqualTo(DryRun.INVALID);
			assertThat(result.err()).contains("--reject must not be below --hold");
		}

		@Test
		void aFileThatIsNotAModelExitsWith2NamingIt() throws IOException {
			Path notAModel = Files.writeString(dir.resolve("policy.json"), "{\"sites\":{}}");

			DryRunTests.Result result = DryRunTests.run("--model", notAModel.toString(), comments.toString());

			assertThat(result.status()).isEqualTo(DryRun.INVALID);
			assertThat(result.err()).contains(notAModel + " is not a model file");
		}

	}

	/** A shared model that learned {@code each} spam and {@code each} ham comments of two vocabularies. */
	Path model(String name, int each) throws IOException {
		Trainer trainer = new Trainer("*", ClassifierSettings.DEFAULTS);
		Instant at = Instant.parse("2026-11-01T00:00:00Z");
		for (int i = 0; i < each; i++) {
			trainer.verdict(labeled("s" + i, SPAM + " " + i, at), Label.SPAM);
			trainer.verdict(labeled("h" + i, HAM + " " + i, at), Label.HAM);
		}
		Path file = dir.resolve(name);
		try (OutputStream out = Files.newOutputStream(file)) {
			ModelFile.write(trainer.model(), out);
		}
		return file;
	}

	static Comment labeled(String id, String content, Instant at) {
		return new Comment(id, "p-1", "example-news", null,
				new Author("Reader " + id, id + "@example.org", null, "203.0.113.9", "JUnit"), content, at,
				at.minusSeconds(60), null);
	}

	static String comment(String id, String email, String ip, String time, String content) {
		return "{\"commentId\": \"" + id + "\", \"postId\": \"p-1\", \"siteId\": \"example-news\", \"author\": "
				+ "{\"name\": \"A Reader\", \"email\": \"" + email + "\", \"ip\": \"" + ip + "\"}, "
				+ "\"submittedAt\": \"2026-11-28T" + time + "\", \"content\": \"" + content + "\"}";
	}

}
