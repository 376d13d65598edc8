package dev.commentmoderation.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.classifier.ClassifierReason;
import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.classifier.Features;
import dev.commentmoderation.classifier.Label;
import dev.commentmoderation.classifier.ModelSelector;
import dev.commentmoderation.classifier.ModelView;
import dev.commentmoderation.classifier.RecordModelView;
import dev.commentmoderation.classifier.SpamClassifier;
import dev.commentmoderation.rules.Comment;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.Reason;

/**
 * The spam classifier as the topology uses it: which models a comment counts in (its site's and the shared one),
 * scoring against the model topic's global store, the SPAM_CLASSIFIER reason, and the label events of a verdict.
 */
public final class CommentClassifier {

	private final ClassifierSettings settings;

	public CommentClassifier(ClassifierSettings settings) {
		this.settings = settings;
	}

	public ClassifierSettings settings() {
		return this.settings;
	}

	/** The site's model (the siteId; the shared model for a comment without one) and the shared model. */
	public static String siteModel(String siteId) {
		return (siteId == null || siteId.isBlank()) ? ModelSelector.SHARED : "site:" + siteId;
	}

	/** Scores with the site's model when it has enough labels (and per-site models are on), else the shared one. */
	public Classification classify(Comment comment, Features features, Function<byte[], byte[]> models) {
		ModelView shared = new RecordModelView(ModelSelector.SHARED, models);
		String site = siteModel(comment.siteId());
		ModelView model = (this.settings.perSiteModels() && !site.equals(ModelSelector.SHARED))
				? ModelSelector.select(new RecordModelView(site, models), shared, this.settings) : shared;
		return SpamClassifier.classify(features, model, this.settings);
	}

	/**
	 * What the site's thresholds (its policy's classifier-hold-at and classifier-reject-at, else the service's)
	 * make of a classification: null when abstained or below the hold threshold.
	 */
	public Classification.Outcome outcome(Classification classification, DecisionRules site) {
		return ClassifierReason.outcome(classification, site, this.settings);
	}

	/** The reason a probability at or above the hold threshold gives; its match is the strongest content token. */
	public static Reason reason(Classification classification) {
		return ClassifierReason.of(classification);
	}

	/** The label of a moderator's verdict: ham for an approval, spam for a rejection unless not for spam. */
	public static Label label(boolean approved, boolean spam) {
		return approved ? Label.HAM : (spam ? Label.SPAM : null);
	}

	/** One event per model the comment counts in: its site's (with per-site models) and the shared one. */
	public List<LabelEvent> labelEvents(String commentId, String siteId, Label label, List<String> tokens) {
		List<LabelEvent> events = new ArrayList<>(2);
		String site = siteModel(siteId);
		if (this.settings.perSiteModels() && !site.equals(ModelSelector.SHARED)) {
			events.add(new LabelEvent(site, commentId, label, tokens));
		}
		events.add(new LabelEvent(ModelSelector.SHARED, commentId, label, tokens));
		return events;
	}

}
