package dev.commentmoderation.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event contract's JSON Schemas ({@code contract/*.schema.json}), loaded once, for any test that wants to
 * check an event against them: the contract tests here, or an end-to-end test reading a real broker.
 * <p>
 * Format assertions ({@code date-time}, {@code email}, {@code uri}) are on for decisions, which the service
 * writes, and off for submitted comments (draft 2020-12's default), because the service accepts a malformed
 * email or website and rejects the comment with a reason rather than dead-lettering it.
 */
public final class ContractSchemas {

	/** The project directory: Surefire sets {@code basedir}; the working directory otherwise. */
	public static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

	public static final Path CONTRACT = PROJECT.resolve("contract");

	public static final Path SUBMITTED_SCHEMA = CONTRACT.resolve("comment-submitted.schema.json");

	public static final Path DECISION_SCHEMA = CONTRACT.resolve("moderation-decision.schema.json");

	public static final Path REVIEW_SCHEMA = CONTRACT.resolve("moderator-review.schema.json");

	public static final Path AUTHOR_ACTION_SCHEMA = CONTRACT.resolve("author-action.schema.json");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Schema SUBMITTED = load(SUBMITTED_SCHEMA, false);

	private static final Schema DECISION = load(DECISION_SCHEMA, true);

	private static final Schema REVIEW = load(REVIEW_SCHEMA, true);

	private static final Schema AUTHOR_ACTION = load(AUTHOR_ACTION_SCHEMA, true);

	private ContractSchemas() {
	}

	/** @throws AssertionError listing every violation when {@code json} is not a valid ModerationDecision */
	public static void assertValidDecision(byte[] json) {
		assertValid("ModerationDecision", DECISION, json);
	}

	/** @throws AssertionError listing every violation when {@code json} is not a valid CommentSubmitted */
	public static void assertValidSubmitted(byte[] json) {
		assertValid("CommentSubmitted", SUBMITTED, json);
	}

	/** @throws AssertionError listing every violation when {@code json} is not a valid ModeratorReview */
	public static void assertValidReview(byte[] json) {
		assertValid("ModeratorReview", REVIEW, json);
	}

	/** The violations of the review schema, empty when {@code json} is valid. */
	public static List<String> authorActionErrors(byte[] json) {
		return errors(AUTHOR_ACTION, json);
	}

	public static List<String> reviewErrors(byte[] json) {
		return errors(REVIEW, json);
	}

	/** The violations of the decision schema, empty when {@code json} is valid. */
	public static List<String> decisionErrors(byte[] json) {
		return errors(DECISION, json);
	}

	/** The violations of the submitted schema, empty when {@code json} is valid. */
	public static List<String> submittedErrors(byte[] json) {
		return errors(SUBMITTED, json);
	}

	private static void assertValid(String what, Schema schema, byte[] json) {
		List<String> errors = errors(schema, json);
		if (!errors.isEmpty()) {
			throw new AssertionError("Not a valid " + what + " (" + errors.size() + " violation(s)):\n  "
					+ String.join("\n  ", errors) + "\nin: " + preview(json));
		}
	}

	private static List<String> errors(Schema schema, byte[] json) {
		if (json == null) {
			return List.of("value is null");
		}
		JsonNode node;
		try {
			node = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			return List.of("not JSON: " + ex.getOriginalMessage());
		}
		List<Error> errors = schema.validate(node);
		return errors.stream().map(Error::toString).collect(Collectors.toList());
	}

	private static String preview(byte[] json) {
		String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
		return (text.length() > 2000) ? text.substring(0, 2000) + "..." : text;
	}

	private static Schema load(Path file, boolean formatAssertions) {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				builder -> builder.schemaRegistryConfig(
						SchemaRegistryConfig.builder().formatAssertionsEnabled(formatAssertions).build()));
		try {
			return registry.getSchema(Files.readString(file), InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

}
