package dev.commentmoderation.stage;

/** Messages the review stage reads: exactly one of the two is set. */
public record ToComment(CommentStatus status, ReviewRequest review) {
}
