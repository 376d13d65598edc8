package dev.commentmoderation.classifier;

import java.util.List;

/**
 * The classifier's view of one comment: abstained (the model has too few labels: no probability, no reason), or a
 * spam probability in [0, 1] with the tokens that weighed most, strongest first.
 *
 * @param abstained true when the model had fewer labels than the settings require
 * @param probability the spam probability; NaN when abstained
 * @param clues the strongest tokens, at most {@link ClassifierSettings#reportedClues()}; empty when abstained
 * @param modelVersion the {@link ModelView#version()} scored with; null when abstained for want of a model
 */
public record Classification(boolean abstained, double probability, List<Clue> clues, String modelVersion) {

	public Classification {
		clues = List.copyOf(clues);
	}

	static Classification abstain(String modelVersion) {
		return new Classification(true, Double.NaN, List.of(), modelVersion);
	}

	/** A token that took part in the score: Robinson's f(w) and, for a content token, where it is. */
	public record Clue(String token, double probability, int start, int end) {
	}

	/** What the thresholds make of the probability: null when abstained or below holdAt. */
	public Outcome outcome(ClassifierSettings settings) {
		if (this.abstained || this.probability < settings.holdAt()) {
			return null;
		}
		return (this.probability >= settings.rejectAt()) ? Outcome.REJECT : Outcome.HOLD;
	}

	/** What a probability at or above a threshold asks for. */
	public enum Outcome {

		HOLD, REJECT

	}

	/**
	 * The label autolearn takes from this classification, as SpamAssassin's bayes_auto_learn thresholds: spam at or
	 * above autolearnSpamAt, ham below autolearnHamBelow, otherwise (or when autolearn is off, or abstained) null.
	 */
	public Label autolearnLabel(ClassifierSettings settings) {
		if (!settings.autolearn() || this.abstained) {
			return null;
		}
		if (this.probability >= settings.autolearnSpamAt()) {
			return Label.SPAM;
		}
		return (this.probability < settings.autolearnHamBelow()) ? Label.HAM : null;
	}

}
