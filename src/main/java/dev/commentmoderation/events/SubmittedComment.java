package dev.commentmoderation.events;

import dev.commentmoderation.rules.Comment;

/**
 * A comment event that passed the envelope check: the rules' view of it, and its JSON text exactly as received
 * (already checked to be one well-formed JSON object), which the decision carries back unchanged.
 */
public record SubmittedComment(Comment comment, String receivedJson) {
}
