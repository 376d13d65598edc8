package dev.commentmoderation.dryrun;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.classifier.ModelFile;
import dev.commentmoderation.policy.Policy;
import dev.commentmoderation.policy.PolicyException;
import dev.commentmoderation.policy.PolicyLoader;
import dev.commentmoderation.rules.StatefulSettings;

/**
 * {@code dry-run}: applies a moderation policy to a JSON-lines file of CommentSubmitted events and prints what the
 * service would decide, or, given a second policy, only what would change. Plain Java: no broker, no Spring
 * context. Run from the jar as {@code java -jar comment-moderation-<version>.jar dry-run ...}.
 */
public final class DryRun {

	/** The first argument that selects the dry run in the jar's main. */
	public static final String COMMAND = "dry-run";

	/** Done: the policy is valid and, with --compare, nothing would change. */
	static final int OK = 0;

	/** With --compare: at least one comment would change, so that CI can ask for a review. */
	static final int CHANGES = 1;

	/** A policy that is not valid, a file that cannot be read, or a bad command line. */
	static final int INVALID = 2;

	private final InputStream stdin;

	private final PrintStream out;

	private final PrintStream err;

	private final Clock clock;

	DryRun(InputStream stdin, PrintStream out, PrintStream err, Clock clock) {
		this.stdin = stdin;
		this.out = out;
		this.err = err;
		this.clock = clock;
	}

	/** Runs the command with the process's streams and exits with its status. */
	public static void main(String[] args) {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		int status = new DryRun(System.in, out, err, Clock.systemUTC()).run(args);
		out.flush();
		err.flush();
		System.exit(status);
	}

	/** @return the exit status: {@link #OK}, {@link #CHANGES} or {@link #INVALID} */
	int run(String... args) {
		DryRunArguments arguments;
		try {
			arguments = DryRunArguments.parse(args);
		}
		catch (DryRunArguments.UsageException ex) {
			this.err.println(COMMAND + ": " + ex.getMessage());
			this.err.println();
			this.err.print(DryRunArguments.USAGE);
			return INVALID;
		}
		if (arguments.help()) {
			this.out.print(DryRunArguments.USAGE);
			return OK;
		}
		boolean json = arguments.format() == DryRunArguments.Format.JSON;
		PolicyLoader loader = PolicyLoader.withDefaults(this.clock);
		try {
			if (arguments.checkPolicy() != null) {
				Policy checked = load(loader, arguments.checkPolicy());
				if (json) {
					JsonReport.valid(checked, arguments.checkPolicy(), this.out);
				}
				else {
					this.out.println(arguments.checkPolicy() + " is a valid moderation policy: version "
							+ checked.version() + ", sites " + (checked.sites().isEmpty() ? "none"
									: String.join(", ", checked.sites().keySet())));
				}
				return OK;
			}
			Replay.Scoring scoring = scoring(arguments);
			Policy policy = load(loader, arguments.policy());
			Policy current = (arguments.compare() != null) ? load(loader, arguments.compare()) : null;
			List<Replay.Line> lines = read(arguments);
			Instant start = this.clock.instant();
			List<Outcome> outcomes = Replay.run(policy, StatefulSettings.DEFAULTS, start, lines, scoring);
			if (current == null) {
				if (json) {
					JsonReport.outcomes(outcomes, policy, name(arguments.policy()), scoring, this.out);
				}
				else {
					Report.outcomes(outcomes, policy, name(arguments.policy()), scoring, this.out);
				}
				return OK;
			}
			List<Outcome> before = Replay.run(current, StatefulSettings.DEFAULTS, start, lines, scoring);
			if (json) {
				JsonReport.changes(before, current, name(arguments.compare()), outcomes, policy,
						name(arguments.policy()), this.out);
			}
			else {
				Report.changes(before, current, name(arguments.compare()), outcomes, policy, name(arguments.policy()),
						this.out);
			}
			return (Report.changed(before, outcomes) > 0) ? CHANGES : OK;
		}
		catch (InvalidPolicy ex) {
			List<String> problems = ex.problem().problems();
			this.err.println(COMMAND + ": " + ex.file() + " is not a valid moderation policy (" + problems.size()
					+ " problem" + (problems.size() == 1 ? "" : "s") + "):");
			problems.forEach(problem -> this.err.println("  - " + problem));
			if (json) {
				JsonReport.invalid(ex.file(), problems, this.out);
			}
			return INVALID;
		}
		catch (InvalidModel ex) {
			this.err.println(COMMAND + ": " + ex.getMessage());
			return INVALID;
		}
		catch (IOException ex) {
			this.err.println(COMMAND + ": cannot read " + arguments.inputName() + ": " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
			return INVALID;
		}
	}

	/** The model file of {@code --model} and the settings it is scored with; null without one. */
	private static Replay.Scoring scoring(DryRunArguments arguments) {
		if (arguments.model() == null) {
			return null;
		}
		ClassifierSettings settings = arguments.classifier();
		try (InputStream in = Files.newInputStream(arguments.model())) {
			return new Replay.Scoring(ModelFile.read(in, settings.maxTokens()), settings);
		}
		catch (ModelFile.InvalidModelException ex) {
			throw new InvalidModel(arguments.model() + " is not a model file: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new InvalidModel("cannot read " + arguments.model() + ": " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
	}

	/** The model file cannot be read or is not a model; the message says which and why. */
	private static final class InvalidModel extends RuntimeException {

		InvalidModel(String message) {
			super(message, null, false, false);
		}

	}

	private static Policy load(PolicyLoader loader, Path file) {
		if (file == null) {
			return loader.baseOnly();
		}
		try {
			return loader.load(file);
		}
		catch (PolicyException ex) {
			throw new InvalidPolicy(file, ex);
		}
	}

	/** Which of the two policy files was refused, and why. */
	private static final class InvalidPolicy extends RuntimeException {

		private final Path file;

		private final PolicyException problem;

		InvalidPolicy(Path file, PolicyException problem) {
			super(problem.getMessage(), problem, false, false);
			this.file = file;
			this.problem = problem;
		}

		Path file() {
			return this.file;
		}

		PolicyException problem() {
			return this.problem;
		}

	}

	private static String name(Path policy) {
		return (policy != null) ? policy.toString() : "built-in defaults";
	}

	/** The non-blank lines, numbered from 1; a trailing carriage return is not part of a line. */
	private List<Replay.Line> read(DryRunArguments arguments) throws IOException {
		byte[] bytes = (arguments.input() != null) ? Files.readAllBytes(arguments.input()) : this.stdin.readAllBytes();
		List<Replay.Line> lines = new ArrayList<>();
		int number = 0;
		int start = 0;
		while (start < bytes.length) {
			int end = start;
			while (end < bytes.length && bytes[end] != '\n') {
				end++;
			}
			number++;
			int stop = (end > start && bytes[end - 1] == '\r') ? end - 1 : end;
			byte[] line = Arrays.copyOfRange(bytes, start, stop);
			if (!isBlank(line)) {
				lines.add(new Replay.Line(number, line));
			}
			start = end + 1;
		}
		return lines;
	}

	private static boolean isBlank(byte[] line) {
		for (byte b : line) {
			if (b != ' ' && b != '\t' && b != '\r') {
				return false;
			}
		}
		return true;
	}

}
