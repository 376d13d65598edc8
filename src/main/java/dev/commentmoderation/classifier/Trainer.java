package dev.commentmoderation.classifier;

import java.util.List;
import java.util.Objects;

import dev.commentmoderation.rules.Comment;

/**
 * Learns moderator verdicts into one model in the order they arrive, as the model stage will: each comment counts
 * once with its latest label ({@link LabelLedger}). Optionally scores every comment with the model as it was just
 * before the comment's own verdict (progressive validation), which gives out-of-sample scores over the whole
 * training data; the defaults' thresholds were picked from those scores.
 */
public final class Trainer {

	private final InMemoryModel model;

	private final LabelLedger ledger;

	private final ClassifierSettings settings;

	private final Evaluation.Builder progressive = Evaluation.builder();

	public Trainer(String site, ClassifierSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.model = new InMemoryModel(site, settings.maxTokens());
		this.ledger = LabelLedger.inMemory();
	}

	/** Scores the comment with the model so far (for {@link #progressive()}), then learns its label. */
	public void verdict(Comment comment, Label label) {
		Features features = Features.of(comment);
		this.progressive.add(label, SpamClassifier.classify(features, this.model, this.settings));
		List<LabelLedger.Step> steps = this.ledger.record(comment.commentId(), label, features.texts());
		steps.forEach(step -> step.applyTo(this.model));
	}

	public InMemoryModel model() {
		return this.model;
	}

	/** Each comment's score just before its verdict was learned (abstentions while the model was too small). */
	public Evaluation progressive() {
		return this.progressive.build();
	}

}
