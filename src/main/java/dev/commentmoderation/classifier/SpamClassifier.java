package dev.commentmoderation.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gives a comment a spam probability from a token-count model, by Gary Robinson's method as Bogofilter, SpamBayes
 * and SpamAssassin's Bayes use it:
 * <ol>
 * <li>per token, Robinson's degree of belief {@code f(w) = (s·x + n·p(w)) / (s + n)}, where {@code n} is the
 * number of labeled comments that held the token and {@code p(w) = (b/nbad) / (b/nbad + g/ngood)} from its spam
 * count {@code b}, ham count {@code g} and the label totals (G. Robinson, "A Statistical Approach to the Spam
 * Problem", Linux Journal 107, 2003);</li>
 * <li>the tokens with {@code |f(w) - 0.5| >= minStrength}, the strongest {@code maxClues} of them, are combined
 * with Fisher's method: {@code S = 1 - C⁻¹(-2 Σ ln(1 - f(w)), 2n)}, {@code H = 1 - C⁻¹(-2 Σ ln f(w), 2n)} and
 * the probability is {@code (1 + S - H) / 2} (the chi-squared combining of SpamBayes, classifier.py
 * chi2_spamprob). A comment with no strong token scores 0.5.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class SpamClassifier {

	private SpamClassifier() {
	}

	public static Classification classify(Features features, ModelView model, ClassifierSettings settings) {
		if (model == null) {
			return Classification.abstain(null);
		}
		if (!model.hasEnoughLabels(settings)) {
			return Classification.abstain(model.version());
		}
		double nbad = model.spamLabels();
		double ngood = model.hamLabels();
		List<Classification.Clue> clues = new ArrayList<>();
		for (Token token : features.tokens()) {
			TokenCounts counts = model.counts(token.text());
			double f = robinson(counts, nbad, ngood, settings);
			if (Math.abs(f - 0.5) >= settings.minStrength()) {
				clues.add(new Classification.Clue(token.text(), f, token.start(), token.end()));
			}
		}
		clues.sort(Comparator.comparingDouble((Classification.Clue c) -> -Math.abs(c.probability() - 0.5))
			.thenComparing(Classification.Clue::token));
		List<Classification.Clue> used = (clues.size() > settings.maxClues()) ? clues.subList(0, settings.maxClues())
				: clues;
		double probability = fisher(used);
		List<Classification.Clue> reported = used.subList(0, Math.min(used.size(), settings.reportedClues()));
		return new Classification(false, probability, reported, model.version());
	}

	/** Robinson's f(w); {@code x} for a token no labeled comment held. */
	static double robinson(TokenCounts counts, double nbad, double ngood, ClassifierSettings settings) {
		int n = counts.spam() + counts.ham();
		if (n == 0) {
			return settings.robinsonX();
		}
		double spamRatio = counts.spam() / nbad;
		double hamRatio = counts.ham() / ngood;
		double p = spamRatio / (spamRatio + hamRatio);
		return (settings.robinsonS() * settings.robinsonX() + n * p) / (settings.robinsonS() + n);
	}

	static double fisher(List<Classification.Clue> clues) {
		if (clues.isEmpty()) {
			return 0.5;
		}
		double sumLnF = 0;
		double sumLnNotF = 0;
		for (Classification.Clue clue : clues) {
			// f(w) is never 0 or 1 with s > 0, but clamp against rounding all the same
			double f = Math.min(Math.max(clue.probability(), 1e-12), 1 - 1e-12);
			sumLnF += Math.log(f);
			sumLnNotF += Math.log1p(-f);
		}
		int degrees = 2 * clues.size();
		// S is evidence of spam: tokens far from ham make sum ln(1 - f) very negative, so C^-1 of it small
		double s = 1 - chi2Q(-2 * sumLnNotF, degrees);
		double h = 1 - chi2Q(-2 * sumLnF, degrees);
		return Math.min(1, Math.max(0, (1 + s - h) / 2));
	}

	/**
	 * The probability that a chi-squared variable with an even number of degrees of freedom is at least
	 * {@code x2}: {@code e^-m Σ_{i<v/2} m^i / i!} with {@code m = x2/2}. Summed in log space: SpamBayes' product
	 * form underflows to 0 for many strong tokens, which would make the result 0 or 1 too early.
	 */
	static double chi2Q(double x2, int degrees) {
		double m = x2 / 2;
		if (m <= 0) {
			return 1.0;
		}
		int terms = degrees / 2;
		double logM = Math.log(m);
		double logTerm = -m;
		double maxLog = logTerm;
		double[] logs = new double[terms];
		logs[0] = logTerm;
		for (int i = 1; i < terms; i++) {
			logTerm += logM - Math.log(i);
			logs[i] = logTerm;
			maxLog = Math.max(maxLog, logTerm);
		}
		double sum = 0;
		for (double log : logs) {
			sum += Math.exp(log - maxLog);
		}
		return Math.min(1.0, Math.exp(maxLog + Math.log(sum)));
	}

}
