package dev.commentmoderation.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * A moderator's action on an author, in force until replaced (another action) or cleared (RESET). A BAN with an
 * {@code until} lapses at that time.
 *
 * @param until end of a BAN (null: until lifted); always null for the other kinds
 * @param at when the moderator acted
 */
public record AuthorAction(Kind kind, Instant until, String moderator, String note, Instant at) {

	public enum Kind {

		/** The author skips the hold rules, whatever their earned standing (reject rules still apply). */
		TRUST,
		/** Every comment of the author gets AUTHOR_BANNED (rejected by default), until {@code until} if set. */
		BAN,
		/** Every comment of the author gets AUTHOR_PREMODERATED (held by default), trusted or not. */
		PREMODERATE,
		/** Clears the moderator's action and the author's earned standing: the author is new again. */
		RESET

	}

	public AuthorAction {
		Objects.requireNonNull(kind, "kind");
		if (until != null && kind != Kind.BAN) {
			throw new IllegalArgumentException("until applies to BAN only");
		}
	}

	/** Whether this action applies to a comment received at {@code time}. */
	public boolean inForceAt(Instant time) {
		return this.kind != Kind.RESET && (this.until == null || time.isBefore(this.until));
	}

}
