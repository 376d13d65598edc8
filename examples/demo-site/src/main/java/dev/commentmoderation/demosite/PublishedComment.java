package dev.commentmoderation.demosite;

/**
 * An approved comment as this site shows and stores it: no email address, which is never published.
 */
public record PublishedComment(String commentId, String postId, String name, String url, String content,
		String submittedAt) {
}
