package dev.commentmoderation.stage;

import dev.commentmoderation.rules.Decision;

/** A decision as emitted, kept per commentId for re-emission on resubmission. */
public record StoredDecision(Decision decision, String json) {
}
