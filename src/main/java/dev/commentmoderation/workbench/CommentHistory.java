package dev.commentmoderation.workbench;

import java.time.Instant;
import java.util.List;

/**
 * One comment as the review stage knows it: every decision revision emitted for it (oldest first, the last is
 * current) and every moderator verdict recorded (those that changed nothing too).
 */
public record CommentHistory(String commentId, String siteId, String postId, String author, String decision,
		int revision, List<String> revisionsJson, List<RecordedVerdict> verdicts) {

	/** A moderator's verdict as recorded: {@code changed} is false when it equalled the outcome it found. */
	public record RecordedVerdict(String decision, boolean spam, String moderator, String note, Instant at,
			boolean changed, int revision) {
	}

}
