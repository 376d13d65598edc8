package dev.commentmoderation.stage;

import java.util.List;
import dev.commentmoderation.rules.Decision;

/**
 * One comment as the review stage keeps it: its first decision's status, every revision after the first, and
 * every moderator verdict recorded (those that changed nothing too: each is a label).
 */
public record CommentState(CommentStatus status, List<Revision> revisions, List<RecordedVerdict> verdicts) {

	/** The outcome now: the last revision's, or the first decision's. */
	public Decision decision() {
		return (revisions == null || revisions.isEmpty()) ? status.decision()
				: revisions.get(revisions.size() - 1).decision();
	}

	public int revision() {
		return (revisions == null || revisions.isEmpty()) ? 1 : revisions.get(revisions.size() - 1).revision();
	}

	public CommentState with(Revision revision, RecordedVerdict verdict) {
		List<Revision> allRevisions = new java.util.ArrayList<>((revisions != null) ? revisions : List.of());
		if (revision != null) {
			allRevisions.add(revision);
		}
		List<RecordedVerdict> allVerdicts = new java.util.ArrayList<>((verdicts != null) ? verdicts : List.of());
		if (verdict != null) {
			allVerdicts.add(verdict);
		}
		return new CommentState(status, allRevisions, allVerdicts);
	}

	/** A stored value: a CommentState, or a CommentStatus that held comments were stored as before 2.0. */
	public static CommentState read(byte[] bytes) {
		CommentState state = StateCodec.read(bytes, CommentState.class);
		if (state.status() != null) {
			return state;
		}
		return new CommentState(StateCodec.read(bytes, CommentStatus.class), List.of(), List.of());
	}

}
