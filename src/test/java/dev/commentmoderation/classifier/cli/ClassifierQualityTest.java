package dev.commentmoderation.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.classifier.Evaluation;
import dev.commentmoderation.classifier.SmsSpamCorpus;

/**
 * The quality table of docs/classifier.md, regenerated: writes the SMS Spam Collection's fixed split to
 * target/classifier/sms-{train,test}.jsonl, runs {@code classifier quality} on it and writes the table to
 * target/classifier/quality.md (and standard output). Checks the goals of issue 12 at the default thresholds.
 */
class ClassifierQualityTest {

	private static final Path DIR = Path.of("target/classifier");

	private static Quality.Result result;

	@BeforeAll
	static void measure() throws IOException {
		Files.createDirectories(DIR);
		SmsSpamCorpus.Split split = SmsSpamCorpus.split();
		Path train = Files.write(DIR.resolve("sms-train.jsonl"), split.train(), StandardCharsets.UTF_8);
		Path test = Files.write(DIR.resolve("sms-test.jsonl"), split.test(), StandardCharsets.UTF_8);
		// what `classifier quality --train ... --test ...` does and prints, keeping the result to check
		result = Quality.run(LabeledComments.read(train), LabeledComments.read(test), ClassifierSettings.DEFAULTS);
		ByteArrayOutputStream table = new ByteArrayOutputStream();
		Report.quality(result, ClassifierSettings.DEFAULTS, false, new PrintStream(table, true, StandardCharsets.UTF_8));
		Files.write(DIR.resolve("quality.md"), table.toByteArray());
		System.out.print(table.toString(StandardCharsets.UTF_8));
	}

	@Test
	void theSplitIsHalvesOfTheWholeCollection() {
		assertThat(result.trainSize() + result.testSize()).isEqualTo(5574);
		assertThat(result.test().spam() + result.progressive().spam()).isEqualTo(747);
	}

	@Test
	void atTheDefaultHoldThresholdSpamRecallIsAtLeastNinetyPercent() {
		assertThat(result.test().at(ClassifierSettings.DEFAULTS.holdAt()).recall()).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void atTheDefaultHoldThresholdAtMostTwoPercentOfHamIsHeldOrRejected() {
		assertThat(result.test().at(ClassifierSettings.DEFAULTS.holdAt()).falsePositiveRate())
			.isLessThanOrEqualTo(0.02);
	}

	@Test
	void theDefaultThresholdsAreTheOnesTheTrainingSplitGives() {
		assertThat(List.of(result.pickedHold(), result.pickedReject()))
			.containsExactly(ClassifierSettings.DEFAULTS.holdAt(), ClassifierSettings.DEFAULTS.rejectAt());
	}

	@Test
	void theClassifierCatchesMoreSpamThanTheRulesAlone() {
		Evaluation.Point hold = result.test().at(ClassifierSettings.DEFAULTS.holdAt());

		assertThat(hold.recall()).isGreaterThan(result.rules().recall());
		assertThat(result.combined().recall()).isGreaterThanOrEqualTo(hold.recall());
	}

}
