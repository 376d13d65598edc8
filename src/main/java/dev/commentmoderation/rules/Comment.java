package dev.commentmoderation.rules;

import java.time.Instant;

/**
 * A submitted comment as the rules see it. Only {@code commentId} is guaranteed; every other field may be
 * null when the site left it out or sent it with the wrong type.
 */
public record Comment(String commentId, String postId, String siteId, String parentId, Author author,
		String content, Instant submittedAt, Instant formRenderedAt, String honeypot) {

	public Comment {
		if (author == null) {
			author = Author.NONE;
		}
	}

}
