package dev.commentmoderation.classifier.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.commentmoderation.classifier.Label;
import dev.commentmoderation.events.CommentEventParser;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.rules.Comment;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON-lines file of labeled comments: each line a CommentSubmitted event (as on comments.submitted) with one more
 * field, {@code "label": "spam"} or {@code "label": "ham"}. Blank lines are skipped; any other line that is not
 * such an event stops the tool, naming the line (never its text).
 */
final class LabeledComments {

	/** One labeled comment and its line number in the file. */
	record Labeled(int line, Comment comment, Label label) {
	}

	/** A line that is not a labeled comment. */
	static final class InvalidLineException extends IOException {

		InvalidLineException(Path file, int line, String why) {
			super(file + " line " + line + ": " + why);
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant NO_TIMESTAMP = Instant.EPOCH;

	private LabeledComments() {
	}

	static List<Labeled> read(Path file) throws IOException {
		CommentEventParser parser = new CommentEventParser();
		List<Labeled> comments = new ArrayList<>();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			int number = i + 1;
			Label label;
			try {
				JsonNode node = JSON.readTree(line);
				String value = (node != null) ? node.path("label").asString(null) : null;
				if ("spam".equals(value)) {
					label = Label.SPAM;
				}
				else if ("ham".equals(value)) {
					label = Label.HAM;
				}
				else {
					throw new InvalidLineException(file, number, "no \"label\": \"spam\" or \"ham\"");
				}
			}
			catch (JacksonException ex) {
				throw new InvalidLineException(file, number, "not a JSON object");
			}
			try {
				Comment comment = parser.parse(line.getBytes(StandardCharsets.UTF_8), NO_TIMESTAMP).comment();
				comments.add(new Labeled(number, comment, label));
			}
			catch (InvalidEnvelopeException ex) {
				throw new InvalidLineException(file, number, "not a comment event (" + ex.getMessage() + ")");
			}
		}
		return comments;
	}

}
