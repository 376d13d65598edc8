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
import tools.jackson.databind.json.JsonMapper;

/**
 * Approved comments, kept in memory and in an append-only JSON-lines file ({@code <demo.data-dir>/approved-comments.jsonl})
 * so that they survive a restart. One JSON object a line, written with DSYNC before the consumer commits its offset;
 * a decision read twice (after a crash) is recognised by its commentId and not added again; a line torn by a crash
 * is skipped on loading. Chosen over a database because it needs no dependency, is readable with {@code cat} and
 * is all an append-mostly list of comments needs.
 */
@Component
public class ApprovedCommentStore {

	private static final Logger logger = LoggerFactory.getLogger(ApprovedCommentStore.class);

	private final Path file;

	private final JsonMapper json;

	private final Map<String, PublishedComment> comments = new LinkedHashMap<>();

	public ApprovedCommentStore(DemoSiteProperties properties, JsonMapper json) {
		this.json = json;
		this.file = properties.dataDir().resolve("approved-comments.jsonl");
		load();
	}

	public synchronized void add(PublishedComment comment) {
		if (this.comments.containsKey(comment.commentId())) {
			return;
		}
		append(this.json.writeValueAsString(comment) + "\n");
		this.comments.put(comment.commentId(), comment);
	}

	public synchronized boolean contains(String commentId) {
		return this.comments.containsKey(commentId);
	}

	/** The approved comments on a post, oldest first. */
	public synchronized List<PublishedComment> forPost(String postId) {
		List<PublishedComment> list = new ArrayList<>();
		for (PublishedComment comment : this.comments.values()) {
			if (Objects.equals(postId, comment.postId())) {
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
					PublishedComment comment = this.json.readValue(line, PublishedComment.class);
					this.comments.putIfAbsent(comment.commentId(), comment);
				}
				catch (JacksonException ex) {
					logger.warn("Skipping an unreadable line in {} (torn by a crash?)", this.file);
				}
			}
			if (!content.isEmpty() && !content.endsWith("\n")) {
				append("\n"); // so that the next comment starts on a line of its own
			}
			logger.info("Loaded {} approved comments from {}", this.comments.size(), this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + this.file, ex);
		}
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

}
