package dev.commentmoderation.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.commentmoderation.rules.ReasonCode;

/** The sample files a site developer (and the README's dev run) feeds to the service. */
final class Samples {

	static final Path COMMENTS = ContractSchemas.PROJECT.resolve("samples/comments.jsonl");

	static final Path REVIEWS = ContractSchemas.PROJECT.resolve("samples/reviews.jsonl");

	static final Path AUTHOR_ACTIONS = ContractSchemas.PROJECT.resolve("samples/author-actions.jsonl");

	static final Path DEAD_LETTERS = ContractSchemas.PROJECT.resolve("samples/dead-letters.txt");

	private Samples() {
	}

	/** The non-empty lines of a sample file, each one record value. */
	static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What a sample's commentId promises: {@code c-valid-...} is approved (empty), {@code c-too-many-links...}
	 * is decided with TOO_MANY_LINKS only (held, by default), and so on for every code's kebab-case name.
	 */
	static Optional<ReasonCode> promisedReason(String commentId) {
		if (commentId.startsWith("c-valid-")) {
			return Optional.empty();
		}
		for (ReasonCode code : ReasonCode.values()) {
			String slug = "c-" + code.name().toLowerCase(Locale.ROOT).replace('_', '-');
			if (commentId.equals(slug) || commentId.startsWith(slug + "-")) {
				return Optional.of(code);
			}
		}
		throw new AssertionError("Sample commentId " + commentId
				+ " says neither c-valid-... nor c-<reason-code>...: name it after its outcome");
	}

}
