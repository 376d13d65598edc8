package dev.commentmoderation.workbench;

import java.util.List;
import java.util.Optional;

/** The other instances' local state, asked over the network (the web adapter calls their internal endpoints). */
public interface Peers {

	/** @throws StateUnavailableException when the instance does not answer */
	Partitioned<List<HeldComment>> heldComments(Instance instance);

	/** @throws StateUnavailableException when the instance does not answer */
	Partitioned<List<RecentDecision>> recentDecisions(Instance instance, RecentDecisions.RecentQuery query);

	/** @throws StateUnavailableException when the instance does not answer */
	Optional<CommentHistory> comment(Instance instance, String commentId);

	/** @throws StateUnavailableException when the instance does not answer */
	Optional<AuthorHistory> author(Instance instance, String normalizedEmail);

}
