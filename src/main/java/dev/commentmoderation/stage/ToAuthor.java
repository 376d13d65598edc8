package dev.commentmoderation.stage;

/** Messages the author stage reads: exactly one of the three is set. */
public record ToAuthor(PendingComment comment, FinalDecision reviewed, ActionRequest action) {
}
