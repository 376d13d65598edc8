package dev.commentmoderation.stage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.rules.Authors;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.Score;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a comment's first decision back from the ModerationDecision event the service wrote (the approved and
 * rejected topics), as the status the review stage keeps for corrections: so that an approved or rejected comment
 * needs no status record of its own on the way to the review stage (only held ones have one).
 */
public final class DecisionEvents {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private DecisionEvents() {
	}

	/** The event's fields the status needs (contract/moderation-decision.schema.json). */
	private record Event(String commentId, String postId, String siteId, Decision decision, int revision,
			List<Reason> reasons, Score score, String policyVersion, String modelVersion, Classifier classifier,
			String moderatedAt, JsonNode comment) {

		/** The author's email as the first stage read it ({@code CommentEventParser}: a string, else none). */
		String email() {
			JsonNode email = (this.comment != null) ? this.comment.path("author").path("email") : null;
			return (email != null && email.isString()) ? email.stringValue() : null;
		}

	}

	private record Classifier(double probability, List<Token> tokens) {
	}

	private record Token(String token, double spamProbability, Integer start, Integer end) {
	}

	/**
	 * The status of a comment's automatic decision, as the author stage would have sent it.
	 *
	 * @param timestamp the event's record timestamp (the comment's, as submitted)
	 * @return empty for a later revision (the review stage made it and keeps it already) and for a decision of
	 * the first stage on a comment without a valid author email (no author to correct it for)
	 * @throws RuntimeException when the bytes are not a ModerationDecision event
	 */
	public static Optional<CommentStatus> firstDecision(byte[] event, long timestamp) {
		Event read = JSON.readValue(event, Event.class);
		if (read.revision() != 1 || read.decision() == null || read.decision() == Decision.HELD) {
			return Optional.empty();
		}
		Optional<String> author = Authors.normalizedEmail(read.email());
		if (author.isEmpty()) {
			return Optional.empty();
		}
		String receivedJson = comment(event);
		return Optional.of(new CommentStatus(read.commentId(), author.get(), read.decision(), read.postId(),
				read.siteId(), (read.reasons() != null) ? read.reasons() : List.of(),
				receivedJson, 0L, timestamp, read.policyVersion(), (read.score() != null) ? read.score() : Score.NONE,
				read.moderatedAt(), null, null, classification(read)));
	}

	private static Classification classification(Event read) {
		if (read.modelVersion() == null) {
			return null;
		}
		if (read.classifier() == null) {
			return new Classification(true, Double.NaN, List.of(), read.modelVersion());
		}
		List<Classification.Clue> clues = new ArrayList<>();
		for (Token token : (read.classifier().tokens() != null) ? read.classifier().tokens() : List.<Token>of()) {
			clues.add(new Classification.Clue(token.token(), token.spamProbability(),
					(token.start() != null) ? token.start() : -1, (token.end() != null) ? token.end() : -1));
		}
		return new Classification(false, read.classifier().probability(), clues, read.modelVersion());
	}

	/** The {@code comment} as the site sent it, byte for byte (the writer embeds it raw). */
	private static String comment(byte[] event) {
		try (JsonParser parser = JSON.createParser(event)) {
			parser.nextToken();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("comment".equals(name) && value == JsonToken.START_OBJECT) {
					int start = (int) parser.currentTokenLocation().getByteOffset();
					parser.skipChildren();
					int end = (int) parser.currentLocation().getByteOffset();
					return new String(event, start, end - start, StandardCharsets.UTF_8);
				}
				parser.skipChildren();
			}
		}
		throw new IllegalArgumentException("The decision event has no comment object");
	}

}
