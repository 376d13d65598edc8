package dev.commentmoderation.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The held queue across instances: merges the answers of every instance with held comments, checks that they
 * cover every partition exactly once (else an instance answered for partitions it no longer owns, or a partition
 * had no owner: the group is rebalancing), then filters, sorts oldest first and pages.
 */
public final class HeldQueue {

	private static final Comparator<HeldComment> OLDEST_FIRST = Comparator.comparing(HeldComment::heldAt)
		.thenComparing(HeldComment::commentId);

	private HeldQueue() {
	}

	/**
	 * @param answers one answer per instance
	 * @param partitions the partitions of the held-comments store
	 * @param query the filter and page
	 * @throws IncompleteQueueException when the answers do not cover every partition exactly once
	 */
	public static QueuePage merge(List<Partitioned<List<HeldComment>>> answers, int partitions, QueueQuery query) {
		checkCoverage(answers, partitions);
		List<HeldComment> all = new ArrayList<>();
		answers.forEach((answer) -> all.addAll(answer.value()));
		Map<String, Long> perSite = new TreeMap<>();
		all.forEach((held) -> perSite.merge(held.siteId(), 1L, Long::sum));
		List<HeldComment> matching = all.stream()
			.filter((held) -> query.site() == null || query.site().equals(held.siteId()))
			.filter((held) -> query.post() == null || query.post().equals(held.postId()))
			.sorted(OLDEST_FIRST)
			.toList();
		long from = Math.min((long) query.page() * query.size(), matching.size());
		long to = Math.min(from + query.size(), matching.size());
		return new QueuePage(matching.subList((int) from, (int) to), query.page(), query.size(), matching.size(),
				perSite);
	}

	/** Also for {@link RecentDecisions}: any fan-out over the review stage's partitions. */
	static void checkCoverage(List<? extends Partitioned<?>> answers, int partitions) {
		Set<Integer> seen = new TreeSet<>();
		Set<Integer> twice = new TreeSet<>();
		for (Partitioned<?> answer : answers) {
			for (Integer partition : answer.partitions()) {
				if (!seen.add(partition)) {
					twice.add(partition);
				}
			}
		}
		Set<Integer> missing = new TreeSet<>();
		for (int partition = 0; partition < partitions; partition++) {
			if (!seen.remove(partition)) {
				missing.add(partition);
			}
		}
		// what is left in seen is outside 0..partitions-1
		if (!missing.isEmpty() || !twice.isEmpty() || !seen.isEmpty()) {
			throw new IncompleteQueueException(missing, twice, seen);
		}
	}

	/**
	 * A filter and a page of the queue.
	 *
	 * @param site only this site's comments, or null for all
	 * @param post only this post's comments, or null for all
	 * @param page zero-based page
	 * @param size comments per page, at least 1
	 */
	public record QueueQuery(String site, String post, int page, int size) {

		public QueueQuery {
			if (page < 0 || size < 1) {
				throw new IllegalArgumentException("page must be >= 0 and size >= 1");
			}
		}

	}

	/**
	 * One page of the held queue, oldest first.
	 *
	 * @param total held comments matching the filter
	 * @param perSite held comments per site, over the whole queue (not only the filter)
	 */
	public record QueuePage(List<HeldComment> comments, int page, int size, long total, Map<String, Long> perSite) {

		public QueuePage {
			comments = List.copyOf(comments);
			perSite = Map.copyOf(perSite);
		}

	}

	/** The instances' answers do not cover every partition exactly once: ask again once the group settles. */
	public static final class IncompleteQueueException extends StateUnavailableException {

		private final Set<Integer> missing;

		private final Set<Integer> duplicated;

		private final Set<Integer> unknown;

		IncompleteQueueException(Set<Integer> missing, Set<Integer> duplicated, Set<Integer> unknown) {
			super("The moderation state is being rebalanced: partitions missing " + missing + ", answered twice "
					+ duplicated + ", unknown " + unknown);
			this.missing = Set.copyOf(missing);
			this.duplicated = Set.copyOf(duplicated);
			this.unknown = Set.copyOf(unknown);
		}

		public Set<Integer> missing() {
			return this.missing;
		}

		public Set<Integer> duplicated() {
			return this.duplicated;
		}

		public Set<Integer> unknown() {
			return this.unknown;
		}

	}

}
