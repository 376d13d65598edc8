package dev.commentmoderation.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryModelTest {

	private final InMemoryModel model = new InMemoryModel("site-a", 1000);

	@Nested
	class Learning {

		@Test
		void learningCountsEachTokenOnceForItsLabelAndTheLabelTotal() {
			model.learn(List.of("w:free", "w:cash", "w:free"), Label.SPAM);
			model.learn(List.of("w:free"), Label.HAM);

			assertThat(model.counts("w:free")).isEqualTo(new TokenCounts(1, 1));
			assertThat(model.counts("w:cash")).isEqualTo(new TokenCounts(1, 0));
			assertThat(model.spamLabels()).isEqualTo(1);
			assertThat(model.hamLabels()).isEqualTo(1);
		}

		@Test
		void unlearningWhatWasLearnedRestoresTheCountsBefore() {
			model.learn(List.of("w:free", "w:hello"), Label.HAM);
			Map<String, TokenCounts> before = model.counts();

			model.learn(List.of("w:free", "w:cash"), Label.SPAM);
			model.unlearn(List.of("w:free", "w:cash"), Label.SPAM);

			assertThat(model.counts()).isEqualTo(before);
			assertThat(model.spamLabels()).isZero();
			assertThat(model.hamLabels()).isEqualTo(1);
		}

		@Test
		void anUnknownTokenHasZeroCounts() {
			assertThat(model.counts("w:never")).isEqualTo(TokenCounts.ZERO);
		}

		@Test
		void theVersionNamesTheSiteTheTotalsAndChangesWithEveryChange() {
			String empty = model.version();
			model.learn(List.of("w:a"), Label.SPAM);

			assertThat(empty).isEqualTo("site-a:0s0h:0");
			assertThat(model.version()).isEqualTo("site-a:1s0h:1");
		}

	}

	@Nested
	class Deltas {

		@Test
		void aLearnPublishesTheNewCountsOfItsTokensAndTheTotals() {
			model.learn(List.of("w:free"), Label.HAM);

			ModelDelta delta = model.learn(List.of("w:free", "w:cash"), Label.SPAM);

			assertThat(delta.tokens()).containsExactly(new ModelDelta.Change("w:free", new TokenCounts(1, 1)),
					new ModelDelta.Change("w:cash", new TokenCounts(1, 0)));
			assertThat(delta.spamLabels()).isEqualTo(1);
			assertThat(delta.hamLabels()).isEqualTo(1);
			assertThat(delta.site()).isEqualTo("site-a");
		}

		@Test
		void anUnlearnThatTakesATokenToZeroPublishesATombstone() {
			model.learn(List.of("w:cash"), Label.SPAM);

			ModelDelta delta = model.unlearn(List.of("w:cash"), Label.SPAM);

			assertThat(delta.tokens()).singleElement().satisfies(change -> {
				assertThat(change.token()).isEqualTo("w:cash");
				assertThat(change.isTombstone()).isTrue();
			});
			assertThat(model.size()).isZero();
		}

		@Test
		void replayingEveryDeltaOntoAnEmptyMapGivesTheModel() {
			InMemoryModel small = new InMemoryModel("s", 20);
			java.util.Map<String, TokenCounts> replayed = new java.util.HashMap<>();
			for (int i = 0; i < 40; i++) {
				List<String> tokens = List.of("w:t" + i, "w:t" + (i % 3), "w:common");
				ModelDelta delta = (i % 7 == 6) ? small.unlearn(List.of("w:t" + (i - 1), "w:t" + ((i - 1) % 3), "w:common"),
						Label.HAM) : small.learn(tokens, (i % 2 == 0) ? Label.SPAM : Label.HAM);
				delta.tokens().forEach(change -> {
					if (change.isTombstone()) {
						replayed.remove(change.token());
					}
					else {
						replayed.put(change.token(), change.counts());
					}
				});
			}

			assertThat(replayed).isEqualTo(small.counts());
		}

	}

	@Nested
	class Pruning {

		@Test
		void theModelNeverHoldsMoreThanMaxTokens() {
			InMemoryModel bounded = new InMemoryModel("s", 100);
			for (int i = 0; i < 1000; i++) {
				bounded.learn(List.of("w:unique" + i, "w:also" + i, "w:shared"), Label.SPAM);
				assertThat(bounded.size()).isLessThanOrEqualTo(100);
			}
		}

		@Test
		void pruningDropsTheRarestTokensAndKeepsFrequentOnes() {
			InMemoryModel bounded = new InMemoryModel("s", 10);
			for (int i = 0; i < 30; i++) {
				bounded.learn(List.of("w:frequent", "w:rare" + i), Label.HAM);
			}

			assertThat(bounded.counts("w:frequent")).isEqualTo(new TokenCounts(0, 30));
			assertThat(bounded.counts("w:rare0")).isEqualTo(TokenCounts.ZERO);
		}

		@Test
		void pruningLeavesTheLabelTotalsAsTheyWere() {
			InMemoryModel bounded = new InMemoryModel("s", 5);
			for (int i = 0; i < 20; i++) {
				bounded.learn(List.of("w:a" + i, "w:b" + i), Label.SPAM);
			}

			assertThat(bounded.spamLabels()).isEqualTo(20);
		}

		@Test
		void theDeltaOfALearnThatPrunedHoldsTombstonesForThePrunedTokens() {
			InMemoryModel bounded = new InMemoryModel("s", 4);
			bounded.learn(List.of("w:a", "w:b", "w:c", "w:d"), Label.SPAM);

			ModelDelta delta = bounded.learn(List.of("w:e"), Label.SPAM);

			assertThat(delta.tokens()).filteredOn(ModelDelta.Change::isTombstone).isNotEmpty();
			assertThat(delta.tokens()).filteredOn(ModelDelta.Change::isTombstone)
				.allSatisfy(change -> assertThat(bounded.counts(change.token())).isEqualTo(TokenCounts.ZERO));
		}

	}

}
