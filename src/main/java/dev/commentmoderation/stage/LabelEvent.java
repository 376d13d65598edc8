package dev.commentmoderation.stage;

import java.util.List;
import dev.commentmoderation.classifier.Label;

/**
 * A label for one model (a site's, or the shared one) from a moderator's verdict or autolearn: SPAM, HAM, or
 * null for a verdict that is no label (a rejection not for spam), which takes back an earlier label.
 */
public record LabelEvent(String model, String commentId, Label label, List<String> tokens) {
}
