package dev.commentmoderation.stage;

/** A moderator's action on the author of the record's key. */
public record ActionRequest(String author, StoredAction action) {
}
