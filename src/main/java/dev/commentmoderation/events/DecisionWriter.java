package dev.commentmoderation.events;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dev.commentmoderation.rules.Comment;
import dev.commentmoderation.rules.Match;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.Verdict;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the ModerationDecision event: the public contract in {@code contract/moderation-decision.schema.json}. */
public final class DecisionWriter {

	private final JsonMapper mapper = JsonMapper.builder().build();

	public byte[] write(SubmittedComment submitted, Verdict verdict, Instant moderatedAt) {
		Comment comment = submitted.comment();
		ObjectNode decision = this.mapper.createObjectNode();
		decision.put("commentId", comment.commentId());
		decision.put("postId", comment.postId());
		decision.put("siteId", comment.siteId());
		decision.put("decision", verdict.decision().name());
		ArrayNode reasons = decision.putArray("reasons");
		for (Reason reason : verdict.reasons()) {
			reasons.add(reason(reason));
		}
		decision.put("moderatedAt", DateTimeFormatter.ISO_INSTANT.format(moderatedAt));
		decision.set("comment", submitted.received());
		return this.mapper.writeValueAsBytes(decision);
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
