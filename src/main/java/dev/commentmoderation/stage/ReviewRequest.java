package dev.commentmoderation.stage;

import dev.commentmoderation.rules.Decision;

/** A moderator's verdict, with where it came from (for dead-lettering it as received). */
public record ReviewRequest(String commentId, Decision decision, String moderator, String note, String rawValue,
		byte[] originalKey, String sourceTopic, int sourcePartition, long sourceOffset, long sourceTimestamp,
		Boolean spam, String reviewedAt) {
}
