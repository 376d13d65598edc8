package dev.commentmoderation.stage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.Verdict;

/**
 * Decision events of a comment's revisions, rendered from its stored state with the same writer that emitted
 * them: revision 1 is the automatic decision, each later one adds its reason (the moderator's verdict or
 * REVIEW_EXPIRED) to the automatic reasons.
 */
public final class Revisions {

	private Revisions() {
	}

	/** @param later 0 for the first decision, k for the k-th revision after it */
	public static byte[] json(DecisionWriter writer, CommentState state, int later) {
		CommentStatus status = state.status();
		if (later == 0) {
			Instant moderatedAt = (status.moderatedAt() != null) ? Instant.parse(status.moderatedAt())
					: Instant.ofEpochMilli(status.heldAtMillis());
			return writer.write(status.commentId(), status.postId(), status.siteId(),
					new Verdict(status.decision(), reasons(state, 0), status.score()), status.policyVersion(),
					moderatedAt, status.receivedJson(), 1, null, status.classification());
		}
		Revision revision = state.revisions().get(later - 1);
		DecisionWriter.Review review = (revision.moderator() != null)
				? new DecisionWriter.Review(revision.moderator(), revision.note(), Instant.parse(revision.reviewedAt()),
						revision.spam())
				: null;
		return writer.write(status.commentId(), status.postId(), status.siteId(),
				new Verdict(revision.decision(), reasons(state, later), status.score()), status.policyVersion(),
				Instant.parse(revision.moderatedAt()), status.receivedJson(), revision.revision(), review,
				status.classification());
	}

	public static List<Reason> reasons(CommentState state, int later) {
		List<Reason> automatic = (state.status().reasons() != null) ? state.status().reasons() : List.of();
		if (later == 0) {
			return automatic;
		}
		List<Reason> reasons = new ArrayList<>(automatic);
		reasons.add(state.revisions().get(later - 1).reason());
		return reasons;
	}

	/** Every revision's event, oldest first. */
	public static List<String> all(DecisionWriter writer, CommentState state) {
		List<String> all = new ArrayList<>();
		int later = (state.revisions() != null) ? state.revisions().size() : 0;
		for (int i = 0; i <= later; i++) {
			all.add(new String(json(writer, state, i), java.nio.charset.StandardCharsets.UTF_8));
		}
		return all;
	}

}
