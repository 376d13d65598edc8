package dev.commentmoderation.workbench;

import java.time.Instant;
import java.util.List;

/** An author's recent decisions (within the decision retention, newest first) and standing. */
public record AuthorHistory(String author, AuthorStatus status, List<AuthorComment> recent) {

	/** One of the author's comments and its current outcome. */
	public record AuthorComment(String commentId, String siteId, String postId, String decision, int revision,
			Instant at) {
	}

}
