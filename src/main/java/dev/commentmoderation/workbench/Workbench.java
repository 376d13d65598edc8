package dev.commentmoderation.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.commentmoderation.workbench.HeldQueue.QueuePage;
import dev.commentmoderation.workbench.HeldQueue.QueueQuery;

/**
 * What a moderator reads, whichever instance holds it: this instance's state, the instance that owns the key, or
 * every instance with held comments for the queue.
 */
public final class Workbench {

	private final ModerationState state;

	private final Peers peers;

	public Workbench(ModerationState state, Peers peers) {
		this.state = state;
		this.peers = peers;
	}

	/**
	 * @throws HeldQueue.IncompleteQueueException when the instances' answers do not cover every partition once
	 * @throws StateUnavailableException when this instance or another cannot answer now
	 */
	public QueuePage queue(QueueQuery query) {
		List<Partitioned<List<HeldComment>>> answers = new ArrayList<>();
		Instance self = this.state.self();
		for (Instance instance : this.state.instancesWithHeldComments()) {
			answers.add(instance.equals(self) ? this.state.localHeldComments() : this.peers.heldComments(instance));
		}
		return HeldQueue.merge(answers, this.state.partitions(), query);
	}

	/**
	 * Recently decided comments across instances (the corrections view), newest first.
	 *
	 * @throws HeldQueue.IncompleteQueueException when the instances' answers do not cover every partition once
	 * @throws StateUnavailableException when this instance or another cannot answer now
	 */
	public RecentDecisions.RecentPage recentDecisions(RecentDecisions.RecentQuery query) {
		List<Partitioned<List<RecentDecision>>> answers = new ArrayList<>();
		Instance self = this.state.self();
		for (Instance instance : this.state.instancesWithHeldComments()) {
			answers.add(instance.equals(self) ? this.state.localRecentDecisions(query)
					: this.peers.recentDecisions(instance, query));
		}
		return RecentDecisions.merge(answers, this.state.partitions(), query);
	}

	/** @throws StateUnavailableException when the owner cannot answer now */
	public Optional<CommentHistory> comment(String commentId) {
		Instance owner = this.state.ownerOfComment(commentId);
		return owner.equals(this.state.self()) ? this.state.localComment(commentId)
				: this.peers.comment(owner, commentId);
	}

	/** @throws StateUnavailableException when the owner cannot answer now */
	public Optional<AuthorHistory> author(String normalizedEmail) {
		Instance owner = this.state.ownerOfAuthor(normalizedEmail);
		return owner.equals(this.state.self()) ? this.state.localAuthor(normalizedEmail)
				: this.peers.author(owner, normalizedEmail);
	}

}
