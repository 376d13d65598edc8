package dev.commentmoderation.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Quality of scores against labels: recall (spam flagged), false-positive rate (ham flagged), precision and ROC
 * AUC. A comment the classifier abstained on is never flagged and ranks as 0.5 for the AUC.
 */
public final class Evaluation {

	private final double[] spamScores;

	private final double[] hamScores;

	private final int abstained;

	private Evaluation(double[] spamScores, double[] hamScores, int abstained) {
		this.spamScores = spamScores;
		this.hamScores = hamScores;
		this.abstained = abstained;
		Arrays.sort(this.spamScores);
		Arrays.sort(this.hamScores);
	}

	/** Collects scored, labeled comments. */
	public static final class Builder {

		private final List<Double> spam = new ArrayList<>();

		private final List<Double> ham = new ArrayList<>();

		private int abstained;

		public Builder add(Label label, Classification classification) {
			double score;
			if (classification.abstained()) {
				this.abstained++;
				score = Double.NaN;
			}
			else {
				score = classification.probability();
			}
			((label == Label.SPAM) ? this.spam : this.ham).add(score);
			return this;
		}

		public Evaluation build() {
			return new Evaluation(this.spam.stream().mapToDouble(Double::doubleValue).toArray(),
					this.ham.stream().mapToDouble(Double::doubleValue).toArray(), this.abstained);
		}

	}

	public static Builder builder() {
		return new Builder();
	}

	/** Counts at one threshold: a comment is flagged when scored at or above it. */
	public record Point(double threshold, int spamFlagged, int spam, int hamFlagged, int ham) {

		public double recall() {
			return (this.spam == 0) ? Double.NaN : (double) this.spamFlagged / this.spam;
		}

		public double falsePositiveRate() {
			return (this.ham == 0) ? Double.NaN : (double) this.hamFlagged / this.ham;
		}

		public double precision() {
			int flagged = this.spamFlagged + this.hamFlagged;
			return (flagged == 0) ? Double.NaN : (double) this.spamFlagged / flagged;
		}

	}

	public int spam() {
		return this.spamScores.length;
	}

	public int ham() {
		return this.hamScores.length;
	}

	public int abstained() {
		return this.abstained;
	}

	public Point at(double threshold) {
		return new Point(threshold, atOrAbove(this.spamScores, threshold), this.spamScores.length,
				atOrAbove(this.hamScores, threshold), this.hamScores.length);
	}

	/** The given thresholds, in order. */
	public List<Point> table(double... thresholds) {
		List<Point> points = new ArrayList<>(thresholds.length);
		for (double threshold : thresholds) {
			points.add(at(threshold));
		}
		return points;
	}

	/**
	 * The lowest threshold among the candidates whose false-positive rate is at most {@code maxFalsePositiveRate};
	 * 1.0 when none is.
	 */
	public double lowestThresholdWithin(double maxFalsePositiveRate, double... candidates) {
		double best = 1.0;
		for (double candidate : candidates) {
			if (candidate < best && at(candidate).falsePositiveRate() <= maxFalsePositiveRate) {
				best = candidate;
			}
		}
		return best;
	}

	/**
	 * ROC AUC: the probability that a random spam scores above a random ham, ties counting one half (the
	 * Mann–Whitney U statistic over both sorted score lists).
	 */
	public double rocAuc() {
		if (this.spamScores.length == 0 || this.hamScores.length == 0) {
			return Double.NaN;
		}
		double[] spam = ranked(this.spamScores);
		double[] ham = ranked(this.hamScores);
		double wins = 0;
		int below = 0;
		for (double s : spam) {
			while (below < ham.length && ham[below] < s) {
				below++;
			}
			int equal = below;
			while (equal < ham.length && ham[equal] == s) {
				equal++;
			}
			wins += below + (equal - below) / 2.0;
		}
		return wins / ((double) spam.length * ham.length);
	}

	/** Scores with abstentions as 0.5, sorted. */
	private static double[] ranked(double[] scores) {
		double[] copy = new double[scores.length];
		for (int i = 0; i < scores.length; i++) {
			copy[i] = Double.isNaN(scores[i]) ? 0.5 : scores[i];
		}
		Arrays.sort(copy);
		return copy;
	}

	/** How many scores are at or above the threshold; NaN (abstained) never is. */
	private static int atOrAbove(double[] sorted, double threshold) {
		int count = 0;
		for (double score : sorted) {
			if (!Double.isNaN(score) && score >= threshold) {
				count++;
			}
		}
		return count;
	}

}
