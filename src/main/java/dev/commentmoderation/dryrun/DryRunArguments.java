package dev.commentmoderation.dryrun;

import java.nio.file.Path;

/**
 * The command line of the dry run: {@code [--policy new.yaml] [--compare current.yaml] comments.jsonl|-}.
 *
 * @param policy the policy to try, or null for the built-in defaults (the service with no policy file)
 * @param compare the policy to compare it with (the one running now), or null to print every outcome
 * @param input the JSON-lines file of CommentSubmitted events, or null for standard input ({@code -})
 * @param help whether {@code --help} was asked for (nothing else is then required)
 */
record DryRunArguments(Path policy, Path compare, Path input, boolean help) {

	static final String USAGE = """
			Usage: java -jar comment-moderation-<version>.jar dry-run [--policy NEW.yaml] [--compare CURRENT.yaml] COMMENTS.jsonl

			Applies a moderation policy to a file of CommentSubmitted events (one JSON object a line, as on
			comments.submitted) with no broker, and prints each comment's decision, score and reason codes.

			  --policy NEW.yaml        the policy to try (default: the service's built-in moderation.rules.* settings)
			  --compare CURRENT.yaml   print only the comments whose decision or reason codes would change
			                           from CURRENT.yaml to NEW.yaml
			  COMMENTS.jsonl           the comments, replayed in file order; - reads standard input
			  -h, --help               print this help

			Exit status: 0 when the run completed (whatever the decisions), 1 when a policy is not valid or a
			file cannot be read, 2 for a bad command line.
			""";

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
		Path input = null;
		boolean inputGiven = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("-h") || arg.equals("--help")) {
				return new DryRunArguments(null, null, null, true);
			}
			String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			if (option.equals("--policy") || option.equals("--compare")) {
				String value;
				if (arg.contains("=")) {
					value = arg.substring(arg.indexOf('=') + 1);
				}
				else if (i + 1 < args.length) {
					value = args[++i];
				}
				else {
					throw new UsageException(option + " needs a file");
				}
				if (value.isBlank()) {
					throw new UsageException(option + " needs a file");
				}
				if (option.equals("--policy")) {
					if (policy != null) {
						throw new UsageException("--policy given twice");
					}
					policy = Path.of(value);
				}
				else {
					if (compare != null) {
						throw new UsageException("--compare given twice");
					}
					compare = Path.of(value);
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
		if (!inputGiven) {
			throw new UsageException("no comments file (give a JSON-lines file, or - for standard input)");
		}
		return new DryRunArguments(policy, compare, input, false);
	}

	/** The input as the output names it. */
	String inputName() {
		return inputName(this.input);
	}

	private static String inputName(Path input) {
		return (input != null) ? input.toString() : "-";
	}

}
