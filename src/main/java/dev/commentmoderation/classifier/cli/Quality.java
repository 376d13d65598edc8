package dev.commentmoderation.classifier.cli;

import java.util.List;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.classifier.Evaluation;
import dev.commentmoderation.classifier.Features;
import dev.commentmoderation.classifier.InMemoryModel;
import dev.commentmoderation.classifier.Label;
import dev.commentmoderation.classifier.ModelSelector;
import dev.commentmoderation.classifier.SpamClassifier;
import dev.commentmoderation.classifier.Trainer;
import dev.commentmoderation.rules.CommentModerator;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.RuleSettings;

/**
 * The quality measurement: learns a training file as moderator verdicts in file order (the order they would
 * arrive), then scores a test file with the model frozen, and the same test file with the built-in stateless rules
 * alone (moderation.rules.* defaults: a comment they do not approve counts as flagged).
 */
final class Quality {

	/** Candidate thresholds for the table and for picking thresholds on the training split. */
	static final double[] THRESHOLDS = { 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995, 0.999 };

	/** The hold threshold is picked as the lowest candidate with at most this false-positive rate on train. */
	static final double HOLD_MAX_FPR = 0.01;

	/** The reject threshold likewise, stricter: a rejected comment is not seen by a moderator. */
	static final double REJECT_MAX_FPR = 0.002;

	/**
	 * @param progressive each training comment scored just before its own verdict was learned
	 * @param test the test comments scored by the trained model
	 * @param rules the rules alone on the test comments
	 * @param combined flagged by the rules or held by the classifier at holdAt
	 * @param pickedHold the hold threshold the training split gives by {@link #HOLD_MAX_FPR}
	 * @param pickedReject the reject threshold the training split gives by {@link #REJECT_MAX_FPR}
	 */
	record Result(int trainSize, int testSize, InMemoryModel model, Evaluation progressive, Evaluation test,
			Evaluation.Point rules, Evaluation.Point combined, double pickedHold, double pickedReject) {
	}

	private Quality() {
	}

	static Result run(List<LabeledComments.Labeled> train, List<LabeledComments.Labeled> test,
			ClassifierSettings settings) {
		Trainer trainer = new Trainer(ModelSelector.SHARED, settings);
		train.forEach(labeled -> trainer.verdict(labeled.comment(), labeled.label()));
		InMemoryModel model = trainer.model();
		CommentModerator rules = new CommentModerator(RuleSettings.DEFAULTS);
		Evaluation.Builder scored = Evaluation.builder();
		int spam = 0;
		int ham = 0;
		int spamByRules = 0;
		int hamByRules = 0;
		int spamCombined = 0;
		int hamCombined = 0;
		for (LabeledComments.Labeled labeled : test) {
			Classification classification = SpamClassifier.classify(Features.of(labeled.comment()), model, settings);
			scored.add(labeled.label(), classification);
			boolean byRules = rules.moderate(labeled.comment()).decision() != Decision.APPROVED;
			boolean combined = byRules || classification.outcome(settings) != null;
			if (labeled.label() == Label.SPAM) {
				spam++;
				spamByRules += byRules ? 1 : 0;
				spamCombined += combined ? 1 : 0;
			}
			else {
				ham++;
				hamByRules += byRules ? 1 : 0;
				hamCombined += combined ? 1 : 0;
			}
		}
		Evaluation progressive = trainer.progressive();
		return new Result(train.size(), test.size(), model, progressive, scored.build(),
				new Evaluation.Point(Double.NaN, spamByRules, spam, hamByRules, ham),
				new Evaluation.Point(settings.holdAt(), spamCombined, spam, hamCombined, ham),
				progressive.lowestThresholdWithin(HOLD_MAX_FPR, THRESHOLDS),
				progressive.lowestThresholdWithin(REJECT_MAX_FPR, THRESHOLDS));
	}

}
