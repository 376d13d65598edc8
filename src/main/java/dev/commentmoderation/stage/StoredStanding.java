package dev.commentmoderation.stage;

import dev.commentmoderation.rules.AuthorStanding;

/** StoredStanding as stored. */
public record StoredStanding(int approved, boolean spamRejected) {

	public static StoredStanding of(AuthorStanding standing) {
		return new StoredStanding(standing.approved(), standing.spamRejected());
	}

	public AuthorStanding toStanding() {
		return new AuthorStanding(approved, spamRejected);
	}

}
