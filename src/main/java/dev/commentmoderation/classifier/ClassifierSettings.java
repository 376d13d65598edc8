package dev.commentmoderation.classifier;

/**
 * Every setting of the classifier. The constructor refuses a value out of range with a message naming the
 * setting, so that the configuration adapter can stop start-up naming the property.
 *
 * @param minSpamLabels the classifier abstains until the model has learned at least this many spam comments
 *        (SpamAssassin's bayes_min_spam_num: 200)
 * @param minHamLabels the same for ham (SpamAssassin's bayes_min_ham_num: 200)
 * @param robinsonS Robinson's strength of the prior {@code s} for rare tokens (1.0, as SpamBayes)
 * @param robinsonX Robinson's assumed probability {@code x} of a token seen in no labeled comment (0.5)
 * @param minStrength a token takes part in the Fisher combination only when {@code |f(w) - 0.5| >= minStrength}
 *        (SpamBayes' minimum_prob_strength: 0.1)
 * @param maxClues at most this many of the strongest tokens are combined (SpamBayes' max_discriminators: 150)
 * @param reportedClues how many of the strongest tokens a classification reports as its reason
 * @param holdAt a comment whose spam probability is at or above this is held for a moderator
 * @param rejectAt a comment whose spam probability is at or above this is rejected ({@code >= holdAt})
 * @param maxTokens a model holds at most this many tokens; beyond it the rarest are pruned
 * @param perSiteModels whether a site with enough labels of its own is scored with its own model rather than the
 *        shared one (see {@link ModelSelector})
 * @param autolearn whether confident automatic decisions are learned as labels too (off by default)
 * @param autolearnSpamAt with autolearn, a comment scored at or above this is learned as spam
 * @param autolearnHamBelow with autolearn, a comment scored below this is learned as ham
 */
public record ClassifierSettings(int minSpamLabels, int minHamLabels, double robinsonS, double robinsonX,
		double minStrength, int maxClues, int reportedClues, double holdAt, double rejectAt, int maxTokens,
		boolean perSiteModels, boolean autolearn, double autolearnSpamAt, double autolearnHamBelow) {

	/** The defaults; holdAt and rejectAt were picked on the training split only (see docs/classifier.md). */
	public static final ClassifierSettings DEFAULTS = new ClassifierSettings(200, 200, 1.0, 0.5, 0.1, 150, 10, 0.85,
			0.98, 100_000, true, false, 0.995, 0.01);

	public ClassifierSettings {
		atLeast("minSpamLabels", minSpamLabels, 1);
		atLeast("minHamLabels", minHamLabels, 1);
		if (!(robinsonS > 0) || Double.isInfinite(robinsonS)) {
			throw new IllegalArgumentException("robinsonS must be a positive number, got " + robinsonS);
		}
		probability("robinsonX", robinsonX);
		if (!(minStrength >= 0 && minStrength < 0.5)) {
			throw new IllegalArgumentException("minStrength must be in [0, 0.5), got " + minStrength);
		}
		atLeast("maxClues", maxClues, 1);
		atLeast("reportedClues", reportedClues, 0);
		probability("holdAt", holdAt);
		probability("rejectAt", rejectAt);
		if (rejectAt < holdAt) {
			throw new IllegalArgumentException("rejectAt (" + rejectAt + ") must not be below holdAt (" + holdAt + ")");
		}
		atLeast("maxTokens", maxTokens, 1);
		probability("autolearnSpamAt", autolearnSpamAt);
		probability("autolearnHamBelow", autolearnHamBelow);
		if (autolearnHamBelow > autolearnSpamAt) {
			throw new IllegalArgumentException("autolearnHamBelow (" + autolearnHamBelow
					+ ") must not be above autolearnSpamAt (" + autolearnSpamAt + ")");
		}
	}

	public ClassifierSettings withMinLabels(int spam, int ham) {
		return new ClassifierSettings(spam, ham, this.robinsonS, this.robinsonX, this.minStrength, this.maxClues,
				this.reportedClues, this.holdAt, this.rejectAt, this.maxTokens, this.perSiteModels, this.autolearn,
				this.autolearnSpamAt, this.autolearnHamBelow);
	}

	public ClassifierSettings withThresholds(double hold, double reject) {
		return new ClassifierSettings(this.minSpamLabels, this.minHamLabels, this.robinsonS, this.robinsonX,
				this.minStrength, this.maxClues, this.reportedClues, hold, reject, this.maxTokens, this.perSiteModels,
				this.autolearn, this.autolearnSpamAt, this.autolearnHamBelow);
	}

	public ClassifierSettings withMaxTokens(int tokens) {
		return new ClassifierSettings(this.minSpamLabels, this.minHamLabels, this.robinsonS, this.robinsonX,
				this.minStrength, this.maxClues, this.reportedClues, this.holdAt, this.rejectAt, tokens,
				this.perSiteModels, this.autolearn, this.autolearnSpamAt, this.autolearnHamBelow);
	}

	public ClassifierSettings withPerSiteModels(boolean perSite) {
		return new ClassifierSettings(this.minSpamLabels, this.minHamLabels, this.robinsonS, this.robinsonX,
				this.minStrength, this.maxClues, this.reportedClues, this.holdAt, this.rejectAt, this.maxTokens,
				perSite, this.autolearn, this.autolearnSpamAt, this.autolearnHamBelow);
	}

	public ClassifierSettings withAutolearn(boolean on) {
		return new ClassifierSettings(this.minSpamLabels, this.minHamLabels, this.robinsonS, this.robinsonX,
				this.minStrength, this.maxClues, this.reportedClues, this.holdAt, this.rejectAt, this.maxTokens,
				this.perSiteModels, on, this.autolearnSpamAt, this.autolearnHamBelow);
	}

	private static void atLeast(String name, int value, int min) {
		if (value < min) {
			throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
		}
	}

	private static void probability(String name, double value) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
		}
	}

}
