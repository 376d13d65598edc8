package dev.commentmoderation.stage;

import dev.commentmoderation.rules.Decision;

/** A moderator's verdict as recorded; {@code changed} false when it equalled the outcome it found. */
public record RecordedVerdict(Decision decision, boolean spam, String moderator, String note, String at, boolean changed,
		int revision) {
}
