package dev.commentmoderation.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class EvaluationTest {

	private static Classification scored(double p) {
		return new Classification(false, p, List.of(), "v");
	}

	private static Evaluation evaluation() {
		return Evaluation.builder()
			.add(Label.SPAM, scored(0.99))
			.add(Label.SPAM, scored(0.7))
			.add(Label.SPAM, scored(0.2))
			.add(Label.HAM, scored(0.1))
			.add(Label.HAM, scored(0.7))
			.add(Label.HAM, Classification.abstain("v"))
			.build();
	}

	@Test
	void aPointCountsWhatIsAtOrAboveTheThreshold() {
		Evaluation.Point point = evaluation().at(0.7);

		assertThat(point.recall()).isCloseTo(2 / 3.0, within(1e-12));
		assertThat(point.falsePositiveRate()).isCloseTo(1 / 3.0, within(1e-12));
		assertThat(point.precision()).isCloseTo(2 / 3.0, within(1e-12));
	}

	@Test
	void anAbstainedCommentIsNeverFlagged() {
		assertThat(evaluation().at(0.0).hamFlagged()).isEqualTo(2);
		assertThat(evaluation().abstained()).isEqualTo(1);
	}

	@Test
	void rocAucCountsTiesAsHalfAndAbstentionsAsOneHalf() {
		// spam 0.99, 0.7, 0.2 against ham 0.1, 0.7, 0.5 (abstained): 3 + 2.5 + 1 wins of 9
		assertThat(evaluation().rocAuc()).isCloseTo(6.5 / 9, within(1e-12));
	}

	@Test
	void theLowestThresholdWithinAFalsePositiveRateIsPicked() {
		assertThat(evaluation().lowestThresholdWithin(0.0, 0.5, 0.7, 0.8, 0.9)).isEqualTo(0.8);
	}

}
