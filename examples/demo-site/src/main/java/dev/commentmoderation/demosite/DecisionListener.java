package dev.commentmoderation.demosite;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the service's decisions (contract/moderation-decision.schema.json). The service writes them in
 * exactly-once transactions, so this consumer reads with isolation.level=read_committed (application.yml): it
 * never sees a decision from an aborted transaction. Approved comments go to the store, and so do moderators'
 * rejections, which take an approved comment down; every decision goes to the board, where the page finds what
 * became of its commenter's comments. Both keep the decision with the highest {@code revision} per commentId
 * ({@link DecisionOrder}): a moderator's correction wins over the decision it corrects, in whatever order the topics
 * are read. Decisions this site does not know (a new kind, another site's, not JSON) are skipped.
 */
@Component
public class DecisionListener {

	private static final Logger logger = LoggerFactory.getLogger(DecisionListener.class);

	private final JsonMapper json;

	private final ApprovedCommentStore store;

	private final DecisionBoard board;

	private final DemoSiteProperties properties;

	DecisionListener(JsonMapper json, ApprovedCommentStore store, DecisionBoard board, DemoSiteProperties properties) {
		this.json = json;
		this.store = store;
		this.board = board;
		this.properties = properties;
	}

	// A pattern, not a list: comments.held is picked up when it is created (metadata.max.age.ms in application.yml).
	// The consumer group is spring.kafka.consumer.group-id (idIsGroup = false: the id only names the container).
	@KafkaListener(id = "decisions", idIsGroup = false, topicPattern = "${demo.decisions-pattern:comments\\.(approved|rejected|held)}")
	void onDecision(ConsumerRecord<String, String> record) {
		try {
			accept(record.value());
		}
		catch (JacksonException | IllegalArgumentException ex) {
			logger.warn("Skipping a decision that cannot be read ({} offset {}): {}", record.topic(), record.offset(),
					ex.getMessage());
		}
	}

	void accept(String value) {
		if (value == null) {
			return;
		}
		JsonNode decision = this.json.readTree(value);
		String commentId = text(decision, "commentId");
		if (commentId == null || !this.properties.siteId().equals(text(decision, "siteId"))) {
			return;
		}
		Outcome.Status status;
		try {
			status = Outcome.Status.valueOf(String.valueOf(text(decision, "decision")));
		}
		catch (IllegalArgumentException ex) {
			logger.debug("Ignoring decision {} for {}: not one this site knows", text(decision, "decision"), commentId);
			return;
		}
		int revision = revision(decision);
		switch (status) {
			case APPROVED -> {
				JsonNode comment = decision.path("comment");
				this.store.publish(new PublishedComment(commentId, text(decision, "postId"),
						text(comment.path("author"), "name"), text(comment.path("author"), "url"),
						text(comment, "content"), text(comment, "submittedAt")), revision);
				this.board.record(commentId, revision, new Outcome(status, List.of()));
			}
			case REJECTED -> {
				this.store.withdraw(commentId, revision);
				this.board.record(commentId, revision, new Outcome(status, reasons(decision.path("reasons"))));
			}
			case HELD -> this.board.record(commentId, revision, new Outcome(status, List.of()));
			default -> {
			}
		}
	}

	/** A decision written before contract 2.0.0 has no revision: it counts as the first. */
	private static int revision(JsonNode decision) {
		JsonNode revision = decision.path("revision");
		if (revision.isMissingNode() || revision.isNull()) {
			return DecisionOrder.FIRST_REVISION;
		}
		if (!revision.isInt() || revision.intValue() < DecisionOrder.FIRST_REVISION) {
			throw new IllegalArgumentException("revision is not a positive integer");
		}
		return revision.intValue();
	}

	private List<Reason> reasons(JsonNode reasons) {
		return reasons.valueStream()
			.map((reason) -> new Reason(text(reason, "code"), text(reason, "field"), text(reason, "message")))
			.toList();
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.path(name);
		return value.isString() ? value.asString() : null;
	}

}
