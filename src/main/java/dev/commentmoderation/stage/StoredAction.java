package dev.commentmoderation.stage;

import dev.commentmoderation.rules.AuthorAction;

/** A moderator's action on an author, as stored and carried (instants as ISO-8601 strings, or null). */
public record StoredAction(AuthorAction.Kind kind, String until, String moderator, String note, String at) {

	public static StoredAction of(AuthorAction action) {
		return new StoredAction(action.kind(), iso(action.until()), action.moderator(), action.note(), iso(action.at()));
	}

	public AuthorAction toAction() {
		return new AuthorAction(kind, instant(until), moderator, note, instant(at));
	}

	private static String iso(java.time.Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static java.time.Instant instant(String text) {
		return (text != null) ? java.time.Instant.parse(text) : null;
	}

}
