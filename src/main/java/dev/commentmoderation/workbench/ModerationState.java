package dev.commentmoderation.workbench;

import java.util.List;
import java.util.Optional;

/**
 * The workbench's view of the stream's state on this instance, and where the rest of it lives. Each local method
 * answers only from partitions that are active on this instance and queryable now; it throws
 * {@link StateUnavailableException} when the state is not queryable (starting, restoring, rebalancing).
 */
public interface ModerationState {

	/** Held comments of this instance's active partitions (unordered; the caller filters, sorts and pages). */
	Partitioned<List<HeldComment>> localHeldComments();

	/**
	 * Decided comments of this instance's active partitions whose current outcome matches the query and was
	 * recorded since {@code query.since()}: the newest {@code query.limit()} of them, newest first. Reads the
	 * review stage's comment history over that time range only.
	 */
	Partitioned<List<RecentDecision>> localRecentDecisions(RecentDecisions.RecentQuery query);

	/**
	 * A comment of a partition active here; empty when unknown (or past the decision retention).
	 *
	 * @throws StateUnavailableException also when the comment's partition is active on another instance (route
	 * with {@link #ownerOfComment(String)})
	 */
	Optional<CommentHistory> localComment(String commentId);

	/**
	 * An author of a partition active here (key: normalized email); empty when nothing is known.
	 *
	 * @throws StateUnavailableException also when the author's partition is active on another instance
	 */
	Optional<AuthorHistory> localAuthor(String normalizedEmail);

	/** The instance whose active partition holds this comment's review state. */
	Instance ownerOfComment(String commentId);

	/** The instance whose active partition holds this author's state. */
	Instance ownerOfAuthor(String normalizedEmail);

	/**
	 * Every instance with active partitions of the held-comments store (the review stage's: the comment history
	 * lives beside it).
	 */
	List<Instance> instancesWithHeldComments();

	/** This instance. */
	Instance self();

	/** Partitions of the held-comments store (the repartition topics' count). */
	int partitions();

}
