package dev.commentmoderation.stage;

import java.util.List;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Reason;

/**
 * A new outcome of a comment (a held comment's final decision, or a correction), back to its author's partition:
 * for the author's standing ({@code previous} is the outcome it replaces), for re-emission on resubmission,
 * and for the author's history ({@code decidedTimestamp}: the record time of the first decision).
 */
public record FinalDecision(String commentId, String author, Decision decision, List<Reason> reasons, String json,
		Decision previous, boolean spam, int revision, String siteId, String postId, long decidedTimestamp) {
}
