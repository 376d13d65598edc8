package dev.commentmoderation.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SpamClassifierTest {

	private static final ClassifierSettings TEN_EACH = ClassifierSettings.DEFAULTS.withMinLabels(10, 10);

	private static Classification classify(String content, ModelView model, ClassifierSettings settings) {
		return SpamClassifier.classify(Features.of(TestComments.content("x", content)), model, settings);
	}

	@Nested
	class Abstention {

		@Test
		void abstainsWithoutAReasonWhileTheModelHasTooFewSpamLabels() {
			Classification classification = classify("win a free prize", TestComments.trained(9, 50), TEN_EACH);

			assertThat(classification.abstained()).isTrue();
			assertThat(classification.clues()).isEmpty();
			assertThat(classification.outcome(TEN_EACH)).isNull();
		}

		@Test
		void abstainsWhileTheModelHasTooFewHamLabels() {
			assertThat(classify("win a free prize", TestComments.trained(50, 9), TEN_EACH).abstained()).isTrue();
		}

		@Test
		void scoresOnceTheModelHasEnoughOfBoth() {
			assertThat(classify("win a free prize", TestComments.trained(10, 10), TEN_EACH).abstained()).isFalse();
		}

		@Test
		void defaultsRequireTwoHundredOfEachAsSpamAssassin() {
			assertThat(ClassifierSettings.DEFAULTS.minSpamLabels()).isEqualTo(200);
			assertThat(ClassifierSettings.DEFAULTS.minHamLabels()).isEqualTo(200);
		}

	}

	@Nested
	class Scores {

		private final InMemoryModel model = TestComments.trained(20, 20);

		@Test
		void aModelTrainedOnLabelsSeparatesThem() {
			double spam = classify("claim your free cash prize", model, TEN_EACH).probability();
			double ham = classify("thanks, see you at the meeting", model, TEN_EACH).probability();

			assertThat(spam).isGreaterThan(0.99);
			assertThat(ham).isLessThan(0.01);
		}

		@Test
		void aCommentWithNoKnownTokenScoresOneHalf() {
			assertThat(classify("zzqx qqzv", model, TEN_EACH).probability()).isEqualTo(0.5);
		}

		@Test
		void theStrongestTokensAreReportedWithTheirPlaceInTheContent() {
			Classification classification = classify("hello: claim now", model, TEN_EACH);

			assertThat(classification.clues()).isNotEmpty()
				.allSatisfy(clue -> assertThat(Math.abs(clue.probability() - 0.5)).isGreaterThanOrEqualTo(0.1));
			Classification.Clue claim = classification.clues()
				.stream()
				.filter(c -> c.token().equals("w:claim"))
				.findFirst()
				.orElseThrow();
			assertThat("hello: claim now".substring(claim.start(), claim.end())).isEqualTo("claim");
			assertThat(classification.modelVersion()).isEqualTo(model.version());
		}

		@Test
		void atMostTheConfiguredNumberOfCluesAreReported() {
			assertThat(classify("claim your free cash prize now", model, TEN_EACH).clues()).hasSizeLessThanOrEqualTo(
					TEN_EACH.reportedClues());
		}

		@Test
		void thresholdsTurnAProbabilityIntoHoldOrReject() {
			ClassifierSettings settings = TEN_EACH.withThresholds(0.8, 0.95);

			assertThat(new Classification(false, 0.79, List.of(), "v").outcome(settings)).isNull();
			assertThat(new Classification(false, 0.8, List.of(), "v").outcome(settings))
				.isEqualTo(Classification.Outcome.HOLD);
			assertThat(new Classification(false, 0.95, List.of(), "v").outcome(settings))
				.isEqualTo(Classification.Outcome.REJECT);
		}

	}

	@Nested
	class Method {

		@Test
		void robinsonsDegreeOfBeliefPullsARareTokenTowardsX() {
			// p(w) = (1/10) / (1/10 + 0/10) = 1; f = (1 * 0.5 + 1 * 1) / (1 + 1) = 0.75
			assertThat(SpamClassifier.robinson(new TokenCounts(1, 0), 10, 10, ClassifierSettings.DEFAULTS))
				.isCloseTo(0.75, within(1e-12));
		}

		@Test
		void robinsonsDegreeOfBeliefCorrectsForUnequalLabelTotals() {
			// seen in 1 of 10 spam and 10 of 100 ham: equally likely, so 0.5 whatever n
			assertThat(SpamClassifier.robinson(new TokenCounts(1, 10), 10, 100, ClassifierSettings.DEFAULTS))
				.isCloseTo(0.5, within(1e-12));
		}

		@Test
		void chiSquaredTailMatchesKnownValues() {
			// Q(x2 | v = 2) = e^(-x2/2); Q(2.0 | 4) = e^-1 * (1 + 1)
			assertThat(SpamClassifier.chi2Q(3.0, 2)).isCloseTo(Math.exp(-1.5), within(1e-12));
			assertThat(SpamClassifier.chi2Q(2.0, 4)).isCloseTo(2 * Math.exp(-1), within(1e-12));
		}

		@Test
		void chiSquaredTailDoesNotUnderflowForManyStrongTokens() {
			// 150 tokens at f = 0.001: -2 Σ ln f ≈ 2072, where e^(-m) alone underflows to 0
			assertThat(SpamClassifier.chi2Q(2072.3, 300)).isGreaterThan(0.0).isLessThan(1e-100);
		}

		@Test
		void fisherCombiningIsSymmetric() {
			List<Classification.Clue> spammy = List.of(new Classification.Clue("a", 0.9, -1, -1),
					new Classification.Clue("b", 0.8, -1, -1));
			List<Classification.Clue> hammy = List.of(new Classification.Clue("a", 0.1, -1, -1),
					new Classification.Clue("b", 0.2, -1, -1));

			assertThat(SpamClassifier.fisher(spammy) + SpamClassifier.fisher(hammy)).isCloseTo(1.0, within(1e-12));
			assertThat(SpamClassifier.fisher(spammy)).isGreaterThan(0.5);
		}

	}

	@Nested
	class Autolearn {

		@Test
		void isOffByDefault() {
			assertThat(new Classification(false, 1.0, List.of(), "v").autolearnLabel(ClassifierSettings.DEFAULTS))
				.isNull();
		}

		@Test
		void learnsOnlyConfidentScoresWhenOn() {
			ClassifierSettings on = ClassifierSettings.DEFAULTS.withAutolearn(true);

			assertThat(new Classification(false, 0.999, List.of(), "v").autolearnLabel(on)).isEqualTo(Label.SPAM);
			assertThat(new Classification(false, 0.001, List.of(), "v").autolearnLabel(on)).isEqualTo(Label.HAM);
			assertThat(new Classification(false, 0.5, List.of(), "v").autolearnLabel(on)).isNull();
		}

	}

}
