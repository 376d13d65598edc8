package dev.commentmoderation.rules;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory history answers as the service's window stores do. */
class InMemoryAuthorHistoryTests {

	static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

	final InMemoryAuthorHistory history = new InMemoryAuthorHistory();

	@Test
	void aLookupReturnsTheEntryWithTheLatestTimeNotTheLastWritten() {
		this.history.commented("jane@example.org", T0.plusSeconds(60));
		this.history.commented("jane@example.org", T0);
		this.history.standing("jane@example.org", new AuthorStanding(2, false), T0.plusSeconds(60));
		this.history.standing("jane@example.org", new AuthorStanding(1, false), T0);

		assertThat(this.history.lastComment("jane@example.org", Instant.EPOCH)).contains(T0.plusSeconds(60));
		assertThat(this.history.standing("jane@example.org", Instant.EPOCH)).isEqualTo(new AuthorStanding(2, false));
	}

	@Test
	void entriesOlderThanSinceAreIgnoredAndASecondEntryAtTheSameTimeReplacesTheFirst() {
		this.history.said("fp-1", "c-1", T0);
		this.history.said("fp-1", "c-2", T0);
		this.history.standing("sam@example.org", new AuthorStanding(3, false), T0);

		assertThat(this.history.saidBefore("fp-1", "c-other", T0)).isTrue();
		assertThat(this.history.saidBefore("fp-1", "c-2", T0)).as("the latest is this very comment").isFalse();
		assertThat(this.history.saidBefore("fp-1", "c-other", T0.plusMillis(1))).isFalse();
		assertThat(this.history.standing("sam@example.org", T0.plusMillis(1))).isEqualTo(AuthorStanding.NEW);
		assertThat(this.history.lastComment("nobody@example.org", Instant.EPOCH)).isEmpty();
	}

}
