package dev.commentmoderation.rules;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An {@link AuthorHistory} in memory, for the rules' tests (the stream and the dry run use stage.AuthorStage). It answers as the service's window stores do:
 * each key keeps its entries by time (a second entry at the same time replaces the first), and a lookup returns
 * the entry with the latest time at or after {@code since}, whatever order they were written in. Nothing expires
 * but lookups ignore what is older than {@code since}, so the retentions apply. Not thread-safe.
 */
public final class InMemoryAuthorHistory implements AuthorHistory {

	private final Map<String, NavigableMap<Instant, Boolean>> lastComments = new HashMap<>();

	private final Map<String, NavigableMap<Instant, String>> fingerprints = new HashMap<>();

	private final Map<String, NavigableMap<Instant, AuthorStanding>> standings = new HashMap<>();

	@Override
	public Optional<Instant> lastComment(String author, Instant since) {
		return Optional.ofNullable(latest(this.lastComments, author, since)).map(Map.Entry::getKey);
	}

	@Override
	public boolean saidBefore(String fingerprint, String commentId, Instant since) {
		Map.Entry<Instant, String> latest = latest(this.fingerprints, fingerprint, since);
		return latest != null && !latest.getValue().equals(commentId);
	}

	@Override
	public AuthorStanding standing(String author, Instant since) {
		Map.Entry<Instant, AuthorStanding> latest = latest(this.standings, author, since);
		return (latest != null) ? latest.getValue() : AuthorStanding.NEW;
	}

	@Override
	public void commented(String author, Instant at) {
		put(this.lastComments, author, at, Boolean.TRUE);
	}

	@Override
	public void said(String fingerprint, String commentId, Instant at) {
		put(this.fingerprints, fingerprint, at, commentId);
	}

	@Override
	public void standing(String author, AuthorStanding standing, Instant at) {
		put(this.standings, author, at, standing);
	}

	private static <V> Map.Entry<Instant, V> latest(Map<String, NavigableMap<Instant, V>> store, String key,
			Instant since) {
		NavigableMap<Instant, V> entries = store.get(key);
		if (entries == null) {
			return null;
		}
		Map.Entry<Instant, V> last = entries.lastEntry();
		return (last != null && !last.getKey().isBefore(since)) ? last : null;
	}

	private static <V> void put(Map<String, NavigableMap<Instant, V>> store, String key, Instant at, V value) {
		store.computeIfAbsent(key, k -> new TreeMap<>()).put(at, value);
	}

}
