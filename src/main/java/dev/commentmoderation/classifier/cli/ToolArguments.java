package dev.commentmoderation.classifier.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code classifier SUBCOMMAND [--option value | --option=value]... [FILE]...}: a subcommand,
 * its options (each at most once, only those the subcommand knows) and its positional files. A new subcommand
 * (such as {@code import}, which publishes a model to the model topic) is one more entry in
 * {@link ClassifierTool}'s table of subcommands.
 */
record ToolArguments(String command, Map<String, String> options, List<String> files, boolean help) {

	/** A command line that cannot be run; the message says why. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * @param known the options of each subcommand, by subcommand
	 * @throws UsageException for an unknown subcommand or option, or a missing or repeated value
	 */
	static ToolArguments parse(Map<String, Set<String>> known, String... args) {
		if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
			return new ToolArguments(null, Map.of(), List.of(), true);
		}
		String command = args[0];
		Set<String> options = known.get(command);
		if (options == null) {
			throw new UsageException("unknown subcommand " + command + " (one of " + String.join(", ", known.keySet())
					+ ")");
		}
		Map<String, String> values = new LinkedHashMap<>();
		List<String> files = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("-h") || arg.equals("--help")) {
				return new ToolArguments(command, Map.of(), List.of(), true);
			}
			if (!arg.startsWith("--")) {
				files.add(arg);
				continue;
			}
			int equals = arg.indexOf('=');
			String option = (equals > 0) ? arg.substring(0, equals) : arg;
			if (!options.contains(option)) {
				throw new UsageException("unknown option " + option + " for " + command);
			}
			String value;
			if (equals > 0) {
				value = arg.substring(equals + 1);
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new UsageException(option + " needs a value");
			}
			if (value.isBlank()) {
				throw new UsageException(option + " needs a value");
			}
			if (values.putIfAbsent(option, value) != null) {
				throw new UsageException(option + " given twice");
			}
		}
		return new ToolArguments(command, Map.copyOf(values), List.copyOf(files), false);
	}

	/** The value of a required option, as a path. */
	Path requiredPath(String option) {
		String value = this.options.get(option);
		if (value == null) {
			throw new UsageException(this.command + " needs " + option);
		}
		return Path.of(value);
	}

	/** The one positional file, or the value of {@code option} when the file is given that way. */
	Path singleFile(String option) {
		String byOption = this.options.get(option);
		if (byOption != null && this.files.isEmpty()) {
			return Path.of(byOption);
		}
		if (byOption != null || this.files.size() != 1) {
			throw new UsageException(this.command + " needs exactly one labeled comments file");
		}
		return Path.of(this.files.get(0));
	}

	void noFiles() {
		if (!this.files.isEmpty()) {
			throw new UsageException(this.command + " takes no file argument (got " + this.files.get(0) + ")");
		}
	}

	int intOption(String option, int fallback, int min) {
		String value = this.options.get(option);
		if (value == null) {
			return fallback;
		}
		try {
			int parsed = Integer.parseInt(value);
			if (parsed < min) {
				throw new UsageException(option + " must be at least " + min + ", got " + value);
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw new UsageException(option + " must be a whole number, got " + value);
		}
	}

	double probabilityOption(String option, double fallback) {
		String value = this.options.get(option);
		if (value == null) {
			return fallback;
		}
		try {
			double parsed = Double.parseDouble(value);
			if (!(parsed >= 0 && parsed <= 1)) {
				throw new UsageException(option + " must be in [0, 1], got " + value);
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw new UsageException(option + " must be a number in [0, 1], got " + value);
		}
	}

	/** {@code text} (default) or {@code json}. */
	boolean json() {
		String format = this.options.getOrDefault("--format", "text");
		if (!format.equals("text") && !format.equals("json")) {
			throw new UsageException("--format is text or json, got " + format);
		}
		return format.equals("json");
	}

}
