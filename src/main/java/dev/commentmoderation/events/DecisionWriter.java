package dev.commentmoderation.events;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.rules.Comment;
import dev.commentmoderation.rules.Match;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.RuleScore;
import dev.commentmoderation.rules.Score;
import dev.commentmoderation.rules.Verdict;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the ModerationDecision event: the public contract in {@code contract/moderation-decision.schema.json}. */
public final class DecisionWriter {

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * The moderator's verdict that made this revision, carried in the decision as {@code review}; {@code spam}
	 * is whether a rejection was for spam (null for an approval).
	 */
	public record Review(String moderator, String note, Instant reviewedAt, Boolean spam) {
	}

	public byte[] write(SubmittedComment submitted, Verdict verdict, String policyVersion, Instant moderatedAt) {
		Comment comment = submitted.comment();
		return write(comment.commentId(), comment.postId(), comment.siteId(), verdict, policyVersion, moderatedAt,
				submitted.receivedJson(), 1, null, null);
	}

	/**
	 * @param policyVersion the version of the policy that decided (for a reviewed comment: that held it)
	 * @param receivedJson the submitted event as received (already checked to be one JSON object)
	 * @param revision 1 for the automatic decision, one more for each later decision that changed the outcome
	 * @param review the moderator's verdict that made this revision, else null
	 * @param classification the spam classifier's view of the comment, null when the classifier is off
	 */
	public byte[] write(String commentId, String postId, String siteId, Verdict verdict, String policyVersion,
			Instant moderatedAt, String receivedJson, int revision, Review review, Classification classification) {
		ObjectNode decision = this.mapper.createObjectNode();
		decision.put("commentId", commentId);
		decision.put("postId", postId);
		decision.put("siteId", siteId);
		decision.put("decision", verdict.decision().name());
		decision.put("revision", revision);
		ArrayNode reasons = decision.putArray("reasons");
		for (Reason reason : verdict.reasons()) {
			reasons.add(reason(reason));
		}
		decision.set("score", score(verdict.score()));
		decision.put("policyVersion", policyVersion);
		if (classification != null) {
			decision.put("modelVersion", classification.modelVersion());
			if (!classification.abstained()) {
				decision.set("classifier", classifier(classification));
			}
		}
		decision.put("moderatedAt", DateTimeFormatter.ISO_INSTANT.format(moderatedAt));
		if (review != null) {
			ObjectNode node = decision.putObject("review");
			node.put("moderator", review.moderator());
			if (review.note() != null) {
				node.put("note", review.note());
			}
			node.put("reviewedAt", DateTimeFormatter.ISO_INSTANT.format(review.reviewedAt()));
			if (review.spam() != null) {
				node.put("spam", review.spam());
			}
		}
		// as received, byte for byte: no re-encoding of numbers or escapes the site chose
		decision.putRawValue("comment", new RawValue(receivedJson.strip()));
		return this.mapper.writeValueAsBytes(decision);
	}

	private ObjectNode classifier(Classification classification) {
		ObjectNode node = this.mapper.createObjectNode();
		node.put("probability", round(classification.probability()));
		ArrayNode tokens = node.putArray("tokens");
		for (Classification.Clue clue : classification.clues()) {
			ObjectNode token = tokens.addObject();
			token.put("token", clue.token());
			token.put("spamProbability", round(clue.probability()));
			if (clue.start() >= 0 && clue.end() > clue.start()) {
				token.put("start", clue.start());
				token.put("end", clue.end());
			}
		}
		return node;
	}

	/** Six decimals: enough to explain and compare, stable across platforms' last-digit differences. */
	private static double round(double value) {
		return Math.round(value * 1_000_000d) / 1_000_000d;
	}

	private ObjectNode score(Score score) {
		ObjectNode node = this.mapper.createObjectNode();
		node.put("total", score.total());
		ArrayNode rules = node.putArray("rules");
		for (RuleScore rule : score.rules()) {
			rules.addObject().put("code", rule.code().name()).put("score", rule.score());
		}
		if (score.holdAt() != null) {
			node.put("holdAt", score.holdAt());
		}
		if (score.rejectAt() != null) {
			node.put("rejectAt", score.rejectAt());
		}
		return node;
	}

	private ObjectNode reason(Reason reason) {
		ObjectNode node = this.mapper.createObjectNode();
		node.put("code", reason.code().name());
		node.put("field", reason.field());
		node.put("message", reason.message());
		Match match = reason.match();
		if (match != null) {
			ObjectNode matchNode = node.putObject("match");
			if (match.term() != null) {
				matchNode.put("term", match.term());
			}
			if (match.pattern() != null) {
				matchNode.put("pattern", match.pattern());
			}
			matchNode.put("start", match.start());
			matchNode.put("end", match.end());
		}
		return node;
	}

}
