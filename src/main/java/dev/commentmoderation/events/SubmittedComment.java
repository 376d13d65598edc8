package dev.commentmoderation.events;

import dev.commentmoderation.rules.Comment;
import tools.jackson.databind.node.ObjectNode;

/** A comment event that passed the envelope check: the rules' view of it, and the JSON exactly as received. */
public record SubmittedComment(Comment comment, ObjectNode received) {
}
