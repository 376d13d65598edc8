package dev.commentmoderation.demosite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Approved comments, kept in memory and in an append-only JSON-lines file ({@code <demo.data-dir>/approved-comments.jsonl})
 * so that they survive a restart. One JSON object a line, written with DSYNC before the consumer commits its offset:
 * an approved comment (with its {@code revision} and {@code "decision":"APPROVED"}), or a moderator's rejection
 * ({@code commentId}, {@code revision}, {@code "decision":"REJECTED"}) that takes an approved comment down, or keeps
 * an older approval read after it from being shown. Per commentId the highest revision wins ({@link DecisionOrder}),
 * on loading too, where the file is replayed; a line of an older version (a comment without revision) counts as
 * revision 1. A decision read twice (after a crash) is recognised and not written again; a line torn by a crash is
 * skipped on loading. Chosen over a database because it needs no dependency, is readable with {@code cat} and is
 * all an append-mostly list of comments needs.
 */
@Component
public class ApprovedCommentStore {

	private static final Logger logger = LoggerFactory.getLogger(ApprovedCommentStore.class);

	private static final String REVISION = "revision";

	private static final String DECISION = "decision";

	private final Path file;

	private final JsonMapper json;

	/** By commentId: the latest decision kept; its comment is null when that decision is a rejection. */
	private final Map<String, Kept> comments = new LinkedHashMap<>();

	public ApprovedCommentStore(DemoSiteProperties properties, JsonMapper json) {
		this.json = json;
		this.file = properties.dataDir().resolve("approved-comments.jsonl");
		load();
	}

	/** Shows an approved comment, unless a decision that must be kept is known. */
	public synchronized void publish(PublishedComment comment, int revision) {
		if (!replacesKnown(comment.commentId(), revision, Outcome.Status.APPROVED)) {
			return;
		}
		ObjectNode line = (ObjectNode) this.json.valueToTree(comment);
		line.put(REVISION, revision).put(DECISION, Outcome.Status.APPROVED.name());
		append(this.json.writeValueAsString(line) + "\n");
		this.comments.put(comment.commentId(), new Kept(revision, comment));
	}

	/**
	 * Records a rejection, which takes the comment down if it was shown, unless a decision with a higher revision
	 * is known. An automatic rejection (revision 1) of a comment the store does not know is not written: no older
	 * decision can arrive to be overruled, so there is nothing to remember.
	 */
	public synchronized void withdraw(String commentId, int revision) {
		if (revision <= DecisionOrder.FIRST_REVISION && !this.comments.containsKey(commentId)) {
			return;
		}
		if (!replacesKnown(commentId, revision, Outcome.Status.REJECTED)) {
			return;
		}
		ObjectNode line = this.json.createObjectNode();
		line.put("commentId", commentId).put(REVISION, revision).put(DECISION, Outcome.Status.REJECTED.name());
		append(this.json.writeValueAsString(line) + "\n");
		this.comments.put(commentId, new Kept(revision, null));
	}

	/** Whether the comment is shown. */
	public synchronized boolean contains(String commentId) {
		Kept kept = this.comments.get(commentId);
		return kept != null && kept.comment() != null;
	}

	/** The approved comments on a post, oldest first. */
	public synchronized List<PublishedComment> forPost(String postId) {
		List<PublishedComment> list = new ArrayList<>();
		for (Kept kept : this.comments.values()) {
			PublishedComment comment = kept.comment();
			if (comment != null && Objects.equals(postId, comment.postId())) {
				list.add(comment);
			}
		}
		list.sort(Comparator.comparing((PublishedComment comment) -> String.valueOf(comment.submittedAt())));
		return list;
	}

	private void load() {
		try {
			Files.createDirectories(this.file.getParent());
			if (!Files.exists(this.file)) {
				return;
			}
			String content = Files.readString(this.file, StandardCharsets.UTF_8);
			for (String line : content.split("\n")) {
				if (line.isBlank()) {
					continue;
				}
				try {
					replay(line);
				}
				catch (JacksonException | IllegalArgumentException ex) {
					logger.warn("Skipping an unreadable line in {} (torn by a crash?)", this.file);
				}
			}
			if (!content.isEmpty() && !content.endsWith("\n")) {
				append("\n"); // so that the next comment starts on a line of its own
			}
			logger.info("Loaded {} approved comments from {}",
					this.comments.values().stream().filter((kept) -> kept.comment() != null).count(), this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + this.file, ex);
		}
	}

	private void replay(String line) {
		if (!(this.json.readTree(line) instanceof ObjectNode node)) {
			throw new IllegalArgumentException("not a JSON object");
		}
		JsonNode revision = node.remove(REVISION);
		JsonNode decision = node.remove(DECISION);
		int number = (revision == null) ? DecisionOrder.FIRST_REVISION : revision.asInt();
		boolean rejected = decision != null && Outcome.Status.REJECTED.name().equals(decision.asString());
		PublishedComment comment = rejected ? null : this.json.treeToValue(node, PublishedComment.class);
		String commentId = rejected ? node.path("commentId").asString(null) : comment.commentId();
		if (commentId == null) {
			throw new IllegalArgumentException("no commentId");
		}
		Outcome.Status status = rejected ? Outcome.Status.REJECTED : Outcome.Status.APPROVED;
		if (replacesKnown(commentId, number, status)) {
			this.comments.put(commentId, new Kept(number, comment));
		}
	}

	private boolean replacesKnown(String commentId, int revision, Outcome.Status status) {
		Kept known = this.comments.get(commentId);
		return known == null || DecisionOrder.replaces(revision, status, known.revision(), known.status());
	}

	private void append(String text) {
		try {
			Files.createDirectories(this.file.getParent());
			Files.writeString(this.file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.file, ex);
		}
	}

	private record Kept(int revision, PublishedComment comment) {

		Outcome.Status status() {
			return (this.comment != null) ? Outcome.Status.APPROVED : Outcome.Status.REJECTED;
		}

	}

}
