package dev.commentmoderation.stage;

import dev.commentmoderation.rules.Decision;

/** One of an author's comments and its outcome, in the author's history (a record per outcome). */
public record AuthorComment(String commentId, String siteId, String postId, Decision decision, int revision) {
}
