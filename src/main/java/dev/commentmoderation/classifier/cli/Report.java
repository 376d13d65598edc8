package dev.commentmoderation.classifier.cli;

import java.io.PrintStream;
import java.util.Locale;

import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.classifier.Evaluation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Prints an evaluation or a quality result as text tables or as one JSON object. */
final class Report {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Report() {
	}

	static void evaluation(Evaluation evaluation, ClassifierSettings settings, String modelVersion, boolean json,
			PrintStream out) {
		if (json) {
			ObjectNode root = JSON.createObjectNode();
			root.put("modelVersion", modelVersion);
			evaluationJson(root, evaluation, settings);
			out.println(JSON.writeValueAsString(root));
			return;
		}
		out.printf(Locale.ROOT, "model %s: %d spam, %d ham, %d abstained, ROC AUC %s%n%n", modelVersion,
				evaluation.spam(), evaluation.ham(), evaluation.abstained(), format(evaluation.rocAuc()));
		printPoints(out, evaluation, settings);
	}

	static void quality(Quality.Result result, ClassifierSettings settings, boolean json, PrintStream out) {
		Evaluation test = result.test();
		Evaluation.Point hold = test.at(settings.holdAt());
		Evaluation.Point reject = test.at(settings.rejectAt());
		if (json) {
			ObjectNode root = JSON.createObjectNode();
			root.put("train", result.trainSize());
			root.put("test", result.testSize());
			root.put("modelTokens", result.model().size());
			root.put("modelVersion", result.model().version());
			root.set("rulesAlone", point(result.rules()));
			root.set("rulesOrClassifierHold", point(result.combined()));
			ObjectNode picked = root.putObject("pickedOnTrain");
			picked.put("hold", result.pickedHold());
			picked.put("reject", result.pickedReject());
			picked.put("trainRocAuc", result.progressive().rocAuc());
			evaluationJson(root, test, settings);
			out.println(JSON.writeValueAsString(root));
			return;
		}
		out.printf(Locale.ROOT, "trained on %d labeled comments as verdicts (model %s, %d tokens); tested on %d: "
				+ "%d spam, %d ham%n%n", result.trainSize(), result.model().version(), result.model().size(),
				result.testSize(), test.spam(), test.ham());
		out.println("| on the test split | spam recall | ham held or rejected (FPR) | precision |");
		out.println("| --- | --- | --- | --- |");
		row(out, "rules alone (built-in defaults)", result.rules());
		row(out, "classifier, held at >= " + settings.holdAt(), hold);
		row(out, "classifier, rejected at >= " + settings.rejectAt(), reject);
		row(out, "rules or classifier at >= " + settings.holdAt(), result.combined());
		out.printf(Locale.ROOT, "%nROC AUC on test %s; %d abstained. Picked on the training split (scores before "
				+ "each verdict, %d abstained): hold %s (FPR <= %s, recall %s there), reject %s (FPR <= %s, recall %s "
				+ "there)%n%n", format(test.rocAuc()), test.abstained(), result.progressive().abstained(),
				result.pickedHold(), Quality.HOLD_MAX_FPR,
				format(result.progressive().at(result.pickedHold()).recall()), result.pickedReject(),
				Quality.REJECT_MAX_FPR, format(result.progressive().at(result.pickedReject()).recall()));
		printPoints(out, test, settings);
	}

	private static void printPoints(PrintStream out, Evaluation evaluation, ClassifierSettings settings) {
		out.println("| threshold | spam recall | ham FPR | precision | spam flagged | ham flagged |");
		out.println("| --- | --- | --- | --- | --- | --- |");
		for (Evaluation.Point point : evaluation.table(thresholds(settings))) {
			out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d/%d | %d/%d |%n", point.threshold(),
					format(point.recall()), format(point.falsePositiveRate()), format(point.precision()),
					point.spamFlagged(), point.spam(), point.hamFlagged(), point.ham());
		}
	}

	private static double[] thresholds(ClassifierSettings settings) {
		return java.util.stream.DoubleStream
			.concat(java.util.Arrays.stream(Quality.THRESHOLDS),
					java.util.stream.DoubleStream.of(settings.holdAt(), settings.rejectAt()))
			.distinct()
			.sorted()
			.toArray();
	}

	private static void row(PrintStream out, String name, Evaluation.Point point) {
		out.printf(Locale.ROOT, "| %s | %s (%d/%d) | %s (%d/%d) | %s |%n", name, format(point.recall()),
				point.spamFlagged(), point.spam(), format(point.falsePositiveRate()), point.hamFlagged(), point.ham(),
				format(point.precision()));
	}

	private static void evaluationJson(ObjectNode root, Evaluation evaluation, ClassifierSettings settings) {
		root.put("spam", evaluation.spam());
		root.put("ham", evaluation.ham());
		root.put("abstained", evaluation.abstained());
		root.put("rocAuc", evaluation.rocAuc());
		root.set("hold", point(evaluation.at(settings.holdAt())));
		root.set("reject", point(evaluation.at(settings.rejectAt())));
		ArrayNode table = root.putArray("thresholds");
		for (Evaluation.Point point : evaluation.table(thresholds(settings))) {
			table.add(point(point));
		}
	}

	private static ObjectNode point(Evaluation.Point point) {
		ObjectNode node = JSON.createObjectNode();
		if (!Double.isNaN(point.threshold())) {
			node.put("threshold", point.threshold());
		}
		node.put("recall", point.recall());
		node.put("falsePositiveRate", point.falsePositiveRate());
		node.put("precision", point.precision());
		node.put("spamFlagged", point.spamFlagged());
		node.put("spam", point.spam());
		node.put("hamFlagged", point.hamFlagged());
		node.put("ham", point.ham());
		return node;
	}

	private static String format(double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
	}

}
