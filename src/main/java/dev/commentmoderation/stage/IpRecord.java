package dev.commentmoderation.stage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * What the IP stage remembers of one IP address, as one key-value record per IP: its latest comments (at most
 * {@value #MAX_SEEN}, within the longest flood interval a policy may set plus a minute), each a commentId and its
 * record time in epoch milliseconds.
 */
public record IpRecord(List<Seen> seen) {

	/** Comments kept per IP: the flood check only needs the latest one before each comment. */
	public static final int MAX_SEEN = 8;

	public static final IpRecord NEW = new IpRecord(List.of());

	@JsonFormat(shape = JsonFormat.Shape.ARRAY) // no field names: a full record is read and written per comment
	public record Seen(String commentId, long at) {
	}

	public IpRecord {
		seen = (seen != null) ? seen : List.of();
	}

	public long lastActiveAt() {
		long latest = 0L;
		for (Seen entry : seen) {
			latest = Math.max(latest, entry.at());
		}
		return latest;
	}

	/** The entries at or after {@code since}, latest first. */
	List<Seen> latestFirst(long since) {
		List<Seen> recent = new ArrayList<>(seen.size());
		for (Seen entry : seen) {
			if (entry.at() >= since) {
				recent.add(entry);
			}
		}
		recent.sort(Comparator.comparingLong(Seen::at).reversed());
		return recent;
	}

	/**
	 * Adds a comment (a second one at the same time replaces the first, as in a window store), dropping those older
	 * than {@code keepSince} and all but the newest {@value #MAX_SEEN}.
	 */
	IpRecord with(String commentId, long at, long keepSince) {
		List<Seen> kept = new ArrayList<>(seen.size() + 1);
		for (Seen entry : seen) {
			if (entry.at() >= keepSince && entry.at() != at) {
				kept.add(entry);
			}
		}
		kept.add(new Seen(commentId, at));
		kept.sort(Comparator.comparingLong(Seen::at));
		if (kept.size() > MAX_SEEN) {
			kept = kept.subList(kept.size() - MAX_SEEN, kept.size());
		}
		return new IpRecord(List.copyOf(kept));
	}

}
