package dev.commentmoderation.classifier.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.classifier.Evaluation;
import dev.commentmoderation.classifier.Features;
import dev.commentmoderation.classifier.InMemoryModel;
import dev.commentmoderation.classifier.ModelFile;
import dev.commentmoderation.classifier.ModelSelector;
import dev.commentmoderation.classifier.SpamClassifier;
import dev.commentmoderation.classifier.Trainer;
import dev.commentmoderation.modelimport.ModelImport;

/**
 * {@code classifier}: the spam classifier's offline tools, plain Java, no broker, no Spring context. Run from the
 * jar as {@code java -jar comment-moderation-<version>.jar classifier SUBCOMMAND ...}:
 * <ul>
 * <li>{@code train}: learns a labeled comments file, in file order as verdicts would arrive, into a model file;</li>
 * <li>{@code evaluate}: scores a labeled comments file with a model file: recall, false-positive rate,
 * precision, ROC AUC and a threshold table;</li>
 * <li>{@code quality}: trains on one file through verdicts and evaluates on another, beside the rules alone (the
 * quality table of docs/classifier.md).</li>
 * <li>{@code import}: publishes a model file to a running deployment's model topic ({@link ModelImport}).</li>
 * </ul>
 */
public final class ClassifierTool {

	/** The first argument that selects these tools in the jar's main. */
	public static final String COMMAND = "classifier";

	/** The model topic's default name (moderation.topics.classifier-model). */
	static final String DEFAULT_MODEL_TOPIC = "comments.classifier-model";

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	static final String USAGE_TEXT = """
			Usage: java -jar comment-moderation-<version>.jar classifier SUBCOMMAND [OPTIONS] [FILE]

			The spam classifier's offline tools (no broker). A labeled comments file has one CommentSubmitted
			event a line (as on comments.submitted) with one more field, "label": "spam" or "ham".

			  train --labels LABELED.jsonl --out MODEL.json [--site SITE] [--max-tokens N]
			      learns the labels in file order (a repeated commentId counts once, with its last label)
			  evaluate --model MODEL.json [--hold P] [--reject P] [--min-labels N] [--format text|json] LABELED.jsonl
			      recall, false-positive rate, precision and ROC AUC of the model on the file, and a threshold table
			  quality --train TRAIN.jsonl --test TEST.jsonl [--hold P] [--reject P] [--format text|json]
			      learns TRAIN as verdicts, evaluates on TEST, beside the built-in rules alone
			  import --bootstrap-servers HOST:PORT [--topic TOPIC] [--model-name *|site:SITE] MODEL.json
			      publishes the model to the model topic (default %s) under the model
			      name (default: the file's site); tokens the topic holds for that model but the file does
			      not are removed. The running model stage keeps its own copy: see docs/classifier.md

			  --hold P / --reject P   hold / reject at or above this spam probability (defaults %s / %s)
			  --min-labels N          abstain below N spam and N ham labels (default %d)
			  --max-tokens N          keep at most N tokens, pruning the rarest (default %d)
			  -h, --help              print this help

			Exit status: 0 done, 1 a file that cannot be read or is not valid (or, for import, a topic that
			cannot be read or written), 2 a bad command line.
			""".formatted(DEFAULT_MODEL_TOPIC, ClassifierSettings.DEFAULTS.holdAt(), ClassifierSettings.DEFAULTS.rejectAt(),
			ClassifierSettings.DEFAULTS.minSpamLabels(), ClassifierSettings.DEFAULTS.maxTokens());

	/** How long import waits for the broker at each step. */
	static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(60);

	/** The options of each subcommand. */
	private static final Map<String, Set<String>> SUBCOMMANDS = subcommands();

	private static Map<String, Set<String>> subcommands() {
		Map<String, Set<String>> map = new LinkedHashMap<>();
		map.put("train", Set.of("--labels", "--out", "--site", "--max-tokens"));
		map.put("evaluate", Set.of("--model", "--hold", "--reject", "--min-labels", "--format", "--max-tokens"));
		map.put("quality", Set.of("--train", "--test", "--hold", "--reject", "--min-labels", "--format",
				"--max-tokens"));
		map.put("import", Set.of("--bootstrap-servers", "--topic", "--model-name", "--max-tokens"));
		return map;
	}

	private final PrintStream out;

	private final PrintStream err;

	ClassifierTool(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** Runs the command with the process's streams and exits with its status. */
	public static void main(String[] args) {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		int status = new ClassifierTool(out, err).run(args);
		out.flush();
		err.flush();
		System.exit(status);
	}

	/** @return the exit status: 0 done, 1 a file that cannot be read or used, 2 a bad command line */
	int run(String... args) {
		ToolArguments arguments;
		try {
			arguments = ToolArguments.parse(SUBCOMMANDS, args);
			if (arguments.help()) {
				this.out.print(USAGE_TEXT);
				return OK;
			}
			return switch (arguments.command()) {
				case "train" -> train(arguments);
				case "evaluate" -> evaluate(arguments);
				case "quality" -> quality(arguments);
				case "import" -> importModel(arguments);
				default -> throw new ToolArguments.UsageException("unknown subcommand " + arguments.command());
			};
		}
		catch (ToolArguments.UsageException ex) {
			this.err.println(COMMAND + ": " + ex.getMessage());
			this.err.println();
			this.err.print(USAGE_TEXT);
			return USAGE;
		}
		catch (IOException ex) {
			this.err.println(COMMAND + ": " + ex.getMessage());
			return FAILED;
		}
	}

	private ClassifierSettings settings(ToolArguments arguments) {
		ClassifierSettings defaults = ClassifierSettings.DEFAULTS;
		double hold = arguments.probabilityOption("--hold", defaults.holdAt());
		double reject = arguments.probabilityOption("--reject", Math.max(hold, defaults.rejectAt()));
		if (reject < hold) {
			throw new ToolArguments.UsageException("--reject must not be below --hold");
		}
		int minLabels = arguments.intOption("--min-labels", defaults.minSpamLabels(), 1);
		int maxTokens = arguments.intOption("--max-tokens", defaults.maxTokens(), 1);
		return defaults.withThresholds(hold, reject).withMinLabels(minLabels, minLabels).withMaxTokens(maxTokens);
	}

	private int train(ToolArguments arguments) throws IOException {
		arguments.noFiles();
		Path labels = arguments.requiredPath("--labels");
		Path target = arguments.requiredPath("--out");
		ClassifierSettings settings = settings(arguments);
		String site = arguments.options().getOrDefault("--site", ModelSelector.SHARED);
		Trainer trainer = new Trainer(site, settings);
		List<LabeledComments.Labeled> comments = LabeledComments.read(labels);
		comments.forEach(labeled -> trainer.verdict(labeled.comment(), labeled.label()));
		InMemoryModel model = trainer.model();
		try (OutputStream file = Files.newOutputStream(target)) {
			ModelFile.write(model, file);
		}
		this.out.printf("%s: learned %d labeled comments into %s: %d spam, %d ham, %d tokens (max %d)%n", COMMAND,
				comments.size(), target, model.spamLabels(), model.hamLabels(), model.size(), model.maxTokens());
		return OK;
	}

	private int evaluate(ToolArguments arguments) throws IOException {
		Path modelFile = arguments.requiredPath("--model");
		Path labels = arguments.singleFile("--labels");
		ClassifierSettings settings = settings(arguments);
		boolean json = arguments.json();
		InMemoryModel model;
		try (InputStream in = Files.newInputStream(modelFile)) {
			model = ModelFile.read(in, settings.maxTokens());
		}
		catch (ModelFile.InvalidModelException ex) {
			throw new IOException(modelFile + " is not a model file: " + ex.getMessage(), ex);
		}
		Evaluation.Builder builder = Evaluation.builder();
		for (LabeledComments.Labeled labeled : LabeledComments.read(labels)) {
			builder.add(labeled.label(), SpamClassifier.classify(Features.of(labeled.comment()), model, settings));
		}
		Report.evaluation(builder.build(), settings, model.version(), json, this.out);
		return OK;
	}

	private int importModel(ToolArguments arguments) throws IOException {
		if (arguments.files().size() != 1) {
			throw new ToolArguments.UsageException("import needs exactly one model file");
		}
		Path modelFile = Path.of(arguments.files().get(0));
		String bootstrap = arguments.options().get("--bootstrap-servers");
		if (bootstrap == null) {
			throw new ToolArguments.UsageException("import needs --bootstrap-servers");
		}
		String topic = arguments.options().getOrDefault("--topic", DEFAULT_MODEL_TOPIC);
		int maxTokens = arguments.intOption("--max-tokens", ClassifierSettings.DEFAULTS.maxTokens(), 1);
		String requestedName = arguments.options().get("--model-name");
		if (requestedName != null && !isModelName(requestedName)) {
			throw new ToolArguments.UsageException("--model-name is * or site:SITE, got " + requestedName);
		}
		InMemoryModel model = readModel(modelFile, maxTokens);
		String name = (requestedName != null) ? requestedName : model.site();
		if (!isModelName(name)) {
			throw new IOException(modelFile + " is for model \"" + name
					+ "\", which is not * or site:SITE: give --model-name");
		}
		try {
			ModelImport.Result result = new ModelImport(bootstrap, topic, IMPORT_TIMEOUT).publish(name, model);
			this.out.printf("%s: published %s to %s as model %s: %d tokens, %d removed, version %s%n", COMMAND,
					modelFile, topic, name, result.tokens(), result.tombstones(), result.version());
			this.out.printf("%s: the running model stage keeps its own copy of %s: the next verdict learned for it "
					+ "continues from that copy (docs/classifier.md, \"Importing a model\")%n", COMMAND, name);
			return OK;
		}
		catch (ModelImport.ImportException ex) {
			this.err.println(COMMAND + ": " + ex.getMessage());
			return FAILED;
		}
	}

	/** The shared model, or a site's ({@code site:} and a site id), as the stream names them. */
	static boolean isModelName(String name) {
		return name.equals(ModelSelector.SHARED) || (name.startsWith("site:") && !name.substring(5).isBlank());
	}

	private static InMemoryModel readModel(Path modelFile, int maxTokens) throws IOException {
		try (InputStream in = Files.newInputStream(modelFile)) {
			return ModelFile.read(in, maxTokens);
		}
		catch (ModelFile.InvalidModelException ex) {
			throw new IOException(modelFile + " is not a model file: " + ex.getMessage(), ex);
		}
	}

	private int quality(ToolArguments arguments) throws IOException {
		arguments.noFiles();
		Path train = arguments.requiredPath("--train");
		Path test = arguments.requiredPath("--test");
		ClassifierSettings settings = settings(arguments);
		boolean json = arguments.json();
		Quality.Result result = Quality.run(LabeledComments.read(train), LabeledComments.read(test), settings);
		Report.quality(result, settings, json, this.out);
		return OK;
	}

}
