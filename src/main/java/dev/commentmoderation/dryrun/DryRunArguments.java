package dev.commentmoderation.dryrun;

import java.nio.file.Path;

import dev.commentmoderation.classifier.ClassifierSettings;

/**
 * The command line of the dry run: {@code [--policy new.yaml] [--compare current.yaml] [--format text|json]
 * comments.jsonl|-}, or {@code --check-policy policy.yaml [--format text|json]}.
 *
 * @param policy the policy to try, or null for the built-in defaults (the service with no policy file)
 * @param compare the policy to compare it with (the one running now), or null to print every outcome
 * @param input the JSON-lines file of CommentSubmitted events, or null for standard input ({@code -})
 * @param checkPolicy the policy to validate only (no comments replayed), or null
 * @param format how the result is printed
 * @param help whether {@code --help} was asked for (nothing else is then required)
 * @param model a spam classifier model file (what {@code classifier train} writes) to score each comment with, or
 * null for no classifier
 * @param classifier the classifier's thresholds and minimum labels (moderation.classifier defaults unless given);
 * null without a model
 */
record DryRunArguments(Path policy, Path compare, Path input, Path checkPolicy, Format format, boolean help,
		Path model, ClassifierSettings classifier) {

	/** Text for people (a table), JSON for scripts and CI. */
	enum Format {

		TEXT, JSON

	}

	static final String USAGE = """
			Usage: java -jar comment-moderation-<version>.jar dry-run [--policy NEW.yaml] [--compare CURRENT.yaml] [--model MODEL.json [--hold P] [--reject P]] [--format text|json] COMMENTS.jsonl
			       java -jar comment-moderation-<version>.jar dry-run --check-policy POLICY.yaml [--format text|json]

			Applies a moderation policy to a file of CommentSubmitted events (one JSON object a line, as on
			comments.submitted) with no broker, and prints each comment's decision, score and reason codes.

			  --policy NEW.yaml        the policy to try (default: the service's built-in moderation.rules.* settings)
			  --compare CURRENT.yaml   print only the comments whose decision or reason codes would change
			                           from CURRENT.yaml to NEW.yaml
			  --check-policy FILE      only validate FILE as the service would load it (term files it names
			                           included) and list every problem; no comments are read
			  --model MODEL.json       also score each comment with this spam classifier model (classifier
			                           train writes one): SPAM_CLASSIFIER holds or rejects as in the service
			  --hold P / --reject P    with --model: hold / reject at or above this spam probability
			                           (default moderation.classifier.hold-at / reject-at: %s / %s)
			  --min-labels N           with --model: abstain below N spam and N ham labels (default %d)
			  --format text|json       a table (default), or one JSON document on standard output
			  COMMENTS.jsonl           the comments, replayed in file order; - reads standard input
			  -h, --help               print this help

			Exit status:
			  0  done: the policy is valid, and with --compare no comment would change
			  1  with --compare: at least one comment's decision or reason codes would change
			  2  a policy is not valid, a file cannot be read, or a bad command line
			""".formatted(ClassifierSettings.DEFAULTS.holdAt(), ClassifierSettings.DEFAULTS.rejectAt(),
			ClassifierSettings.DEFAULTS.minSpamLabels());

	/** A command line that cannot be run; the message says why. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message, null, false, false);
		}

	}

	/** @throws UsageException for an unknown option, a missing or repeated value, or not exactly one input */
	static DryRunArguments parse(String... args) {
		Path policy = null;
		Path compare = null;
		Path checkPolicy = null;
		Format format = null;
		Path input = null;
		Path model = null;
		String hold = null;
		String reject = null;
		String minLabels = null;
		boolean inputGiven = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("-h") || arg.equals("--help")) {
				return new DryRunArguments(null, null, null, null, Format.TEXT, true, null, null);
			}
			String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			if (option.equals("--policy") || option.equals("--compare") || option.equals("--check-policy")
					|| option.equals("--format") || option.equals("--model") || option.equals("--hold")
					|| option.equals("--reject") || option.equals("--min-labels")) {
				boolean isFile = !option.equals("--format") && !option.equals("--hold") && !option.equals("--reject")
						&& !option.equals("--min-labels");
				String value;
				if (arg.contains("=")) {
					value = arg.substring(arg.indexOf('=') + 1);
				}
				else if (i + 1 < args.length) {
					value = args[++i];
				}
				else {
					throw new UsageException(option + " needs a " + (isFile ? "file" : "value"));
				}
				if (value.isBlank()) {
					throw new UsageException(option + " needs a " + (isFile ? "file" : "value"));
				}
				switch (option) {
					case "--policy" -> policy = once(option, policy, Path.of(value));
					case "--compare" -> compare = once(option, compare, Path.of(value));
					case "--check-policy" -> checkPolicy = once(option, checkPolicy, Path.of(value));
					case "--model" -> model = once(option, model, Path.of(value));
					case "--hold" -> hold = once(option, hold, value);
					case "--reject" -> reject = once(option, reject, value);
					case "--min-labels" -> minLabels = once(option, minLabels, value);
					default -> format = once(option, format, format(value));
				}
			}
			else if (arg.startsWith("-") && !arg.equals("-")) {
				throw new UsageException("unknown option " + arg);
			}
			else {
				if (inputGiven) {
					throw new UsageException("one comments file only (got " + inputName(input) + " and " + arg + ")");
				}
				inputGiven = true;
				input = arg.equals("-") ? null : Path.of(arg);
			}
		}
		format = (format != null) ? format : Format.TEXT;
		if (checkPolicy != null) {
			if (policy != null || compare != null || inputGiven || model != null) {
				throw new UsageException("--check-policy takes no --policy, --compare, --model or comments file");
			}
			return new DryRunArguments(null, null, null, checkPolicy, format, false, null, null);
		}
		if (!inputGiven) {
			throw new UsageException("no comments file (give a JSON-lines file, or - for standard input)");
		}
		if (model == null && (hold != null || reject != null || minLabels != null)) {
			throw new UsageException("--hold, --reject and --min-labels need --model");
		}
		ClassifierSettings classifier = (model != null) ? classifier(hold, reject, minLabels) : null;
		return new DryRunArguments(policy, compare, input, null, format, false, model, classifier);
	}

	/** moderation.classifier's defaults, with the thresholds and minimum labels given. */
	private static ClassifierSettings classifier(String hold, String reject, String minLabels) {
		ClassifierSettings defaults = ClassifierSettings.DEFAULTS;
		double holdAt = (hold != null) ? probability("--hold", hold) : defaults.holdAt();
		double rejectAt = (reject != null) ? probability("--reject", reject) : Math.max(holdAt, defaults.rejectAt());
		if (rejectAt < holdAt) {
			throw new UsageException("--reject must not be below --hold");
		}
		int labels = defaults.minSpamLabels();
		if (minLabels != null) {
			try {
				labels = Integer.parseInt(minLabels);
			}
			catch (NumberFormatException ex) {
				throw new UsageException("--min-labels must be a whole number, got " + minLabels);
			}
			if (labels < 1) {
				throw new UsageException("--min-labels must be at least 1, got " + minLabels);
			}
		}
		int minHam = (minLabels != null) ? labels : defaults.minHamLabels();
		return defaults.withThresholds(holdAt, rejectAt).withMinLabels(labels, minHam);
	}

	private static double probability(String option, String value) {
		try {
			double parsed = Double.parseDouble(value);
			if (parsed >= 0 && parsed <= 1) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// the message below says what is expected
		}
		throw new UsageException(option + " must be a probability in [0, 1], got " + value);
	}

	private static <T> T once(String option, T previous, T value) {
		if (previous != null) {
			throw new UsageException(option + " given twice");
		}
		return value;
	}

	private static Format format(String value) {
		return switch (value) {
			case "text" -> Format.TEXT;
			case "json" -> Format.JSON;
			default -> throw new UsageException("--format is text or json, not " + value);
		};
	}

	/** The input as the output names it. */
	String inputName() {
		return inputName(this.input);
	}

	private static String inputName(Path input) {
		return (input != null) ? input.toString() : "-";
	}

}
