package dev.commentmoderation.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The corrections view across instances: recently decided comments of every partition, newest first. Each
 * instance answers at most {@link RecentQuery#limit()} of its newest matching comments; a page is cut from their
 * merge once the answers cover every partition exactly once (as for the {@link HeldQueue}).
 */
public final class RecentDecisions {

	/** How deep a page may reach ((page + 1) * size): each instance reads and sends that many at most. */
	public static final int MAX_DEPTH = 1000;

	/** Newest first; the commentId breaks ties so every instance and page orders alike. */
	public static final Comparator<RecentDecision> NEWEST_FIRST = Comparator
		.comparing(RecentDecision::recordedAt, Comparator.reverseOrder())
		.thenComparing(RecentDecision::commentId);

	private RecentDecisions() {
	}

	/**
	 * @param answers one answer per instance, each its newest matching comments (at most the query's limit)
	 * @param partitions the partitions of the review stage's stores
	 * @throws HeldQueue.IncompleteQueueException when the answers do not cover every partition exactly once
	 */
	public static RecentPage merge(List<Partitioned<List<RecentDecision>>> answers, int partitions,
			RecentQuery query) {
		HeldQueue.checkCoverage(answers, partitions);
		List<RecentDecision> all = new ArrayList<>();
		answers.forEach((answer) -> all.addAll(answer.value()));
		all.sort(NEWEST_FIRST);
		int from = Math.min(query.page() * query.size(), all.size());
		int to = Math.min(from + query.size(), all.size());
		// each instance sent up to limit = one more than the page reaches: more than that in all means more
		return new RecentPage(all.subList(from, to), query.page(), query.size(), all.size() > to);
	}

	/** Whether a decided comment's current outcome is one the view shows. */
	public enum Outcome {

		APPROVED, REJECTED

	}

	/**
	 * A filter and a page of recently decided comments.
	 *
	 * @param site only this site's comments, or null for all
	 * @param outcome only comments whose current outcome is this, or null for both
	 * @param since only comments whose outcome was recorded at or after this (the time range read; the decision
	 * retention bounds it too)
	 * @param page zero-based page
	 * @param size comments per page
	 */
	public record RecentQuery(String site, Outcome outcome, Instant since, int page, int size) {

		public RecentQuery {
			if (since == null) {
				throw new IllegalArgumentException("since is required: the time range read is always bounded");
			}
			if (page < 0 || size < 1) {
				throw new IllegalArgumentException("page must be >= 0 and size >= 1");
			}
			if ((long) (page + 1) * size > MAX_DEPTH) {
				throw new IllegalArgumentException("(page + 1) * size must be at most " + MAX_DEPTH
						+ ": narrow the time range or the site instead of paging deeper");
			}
		}

		/** How many of its newest matching comments an instance answers: one past the page tells if there is more. */
		public int limit() {
			return (this.page + 1) * this.size + 1;
		}

		public boolean matches(String siteId, String decision) {
			return (this.site == null || this.site.equals(siteId))
					&& (this.outcome == null || this.outcome.name().equals(decision));
		}

	}

	/**
	 * One page of recently decided comments, newest first.
	 *
	 * @param more whether older matching comments follow this page
	 */
	public record RecentPage(List<RecentDecision> decisions, int page, int size, boolean more) {

		public RecentPage {
			decisions = List.copyOf(decisions);
		}

	}

}
