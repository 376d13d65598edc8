package dev.commentmoderation.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * What the service remembers about one author, keyed by normalized email. The stream implements it over
 * Kafka Streams state stores on the author's partition; tests use a map. Lookups ignore entries older than
 * {@code since}: a store may purge lazily.
 */
public interface AuthorHistory {

	/** When the author's latest comment (any decision) was received, if at or after {@code since}. */
	Optional<Instant> lastComment(String author, Instant since);

	/**
	 * Whether a non-rejected comment other than {@code commentId} had this fingerprint at or after {@code since} (the
	 * latest such entry counts: a store may keep only short hashes of both).
	 */
	boolean saidBefore(String fingerprint, String commentId, Instant since);

	AuthorStanding standing(String author, Instant since);

	void commented(String author, Instant at);

	void said(String fingerprint, String commentId, Instant at);

	void standing(String author, AuthorStanding standing, Instant at);

}
