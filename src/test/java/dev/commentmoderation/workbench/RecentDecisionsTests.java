package dev.commentmoderation.workbench;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.workbench.HeldQueue.IncompleteQueueException;
import dev.commentmoderation.workbench.RecentDecisions.Outcome;
import dev.commentmoderation.workbench.RecentDecisions.RecentPage;
import dev.commentmoderation.workbench.RecentDecisions.RecentQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecentDecisionsTests {

	static final Instant T0 = Instant.parse("2026-11-29T03:00:00Z");

	static RecentQuery page(int page, int size) {
		return new RecentQuery(null, null, T0, page, size);
	}

	static RecentDecision decided(String id, int secondsAfterT0) {
		return new RecentDecision(id, "site", "post", id + "@example.org", "APPROVED", 1,
				T0.plusSeconds(secondsAfterT0), "{}");
	}

	static Partitioned<List<RecentDecision>> answer(Set<Integer> partitions, RecentDecision... decisions) {
		return new Partitioned<>(List.of(decisions), partitions);
	}

	static List<String> ids(RecentPage page) {
		return page.decisions().stream().map(RecentDecision::commentId).toList();
	}

	@Nested
	class Merging {

		@Test
		void decisionsOfAllInstancesComeNewestFirst() {
			RecentPage page = RecentDecisions.merge(List.of(answer(Set.of(0), decided("b", 20), decided("d", 40)),
					answer(Set.of(1), decided("a", 10), decided("c", 30))), 2, page(0, 10));
			assertThat(ids(page)).containsExactly("d", "c", "b", "a");
		}

		@Test
		void decisionsRecordedAtTheSameInstantAreOrderedById() {
			RecentPage page = RecentDecisions.merge(List.of(answer(Set.of(0), decided("y", 5)),
					answer(Set.of(1), decided("x", 5))), 2, page(0, 10));
			assertThat(ids(page)).containsExactly("x", "y");
		}

		@Test
		void aLaterPageContinuesWhereTheFirstEnded() {
			RecentPage page = RecentDecisions.merge(List.of(answer(Set.of(0), decided("a", 1), decided("b", 2),
					decided("c", 3), decided("d", 4))), 1, page(1, 2));
			assertThat(ids(page)).containsExactly("b", "a");
		}

	}

	@Nested
	class More {

		@Test
		void isTrueWhenTheAnswersHoldMoreThanThePageReaches() {
			RecentPage page = RecentDecisions.merge(List.of(answer(Set.of(0), decided("a", 1), decided("b", 2)),
					answer(Set.of(1), decided("c", 3))), 2, page(0, 2));
			assertThat(page.more()).isTrue();
		}

		@Test
		void isFalseWhenThePageHoldsTheLastOnes() {
			RecentPage page = RecentDecisions.merge(List.of(answer(Set.of(0), decided("a", 1)),
					answer(Set.of(1), decided("b", 2))), 2, page(0, 2));
			assertThat(page.more()).isFalse();
		}

	}

	@Nested
	class Coverage {

		@Test
		void aMissingPartitionMakesTheViewIncomplete() {
			assertThatExceptionOfType(IncompleteQueueException.class)
				.isThrownBy(() -> RecentDecisions.merge(List.of(answer(Set.of(0))), 2, page(0, 10)))
				.satisfies((ex) -> assertThat(ex.missing()).containsExactly(1));
		}

		@Test
		void aPartitionAnsweredTwiceMakesTheViewIncomplete() {
			assertThatExceptionOfType(IncompleteQueueException.class)
				.isThrownBy(() -> RecentDecisions.merge(List.of(answer(Set.of(0, 1)), answer(Set.of(1))), 2,
						page(0, 10)))
				.satisfies((ex) -> assertThat(ex.duplicated()).containsExactly(1));
		}

	}

	@Nested
	class Query {

		@Test
		void asksEachInstanceForOneMoreThanThePageReaches() {
			assertThat(page(2, 10).limit()).isEqualTo(31);
		}

		@Test
		void aPageDeeperThanTheLimitIsRefused() {
			assertThatIllegalArgumentException().isThrownBy(() -> page(10, 100));
		}

		@Test
		void aQueryWithoutATimeRangeIsRefused() {
			assertThatIllegalArgumentException().isThrownBy(() -> new RecentQuery(null, null, null, 0, 10));
		}

		@Test
		void matchesItsSiteAndOutcomeOnly() {
			RecentQuery approvedOnSiteA = new RecentQuery("a", Outcome.APPROVED, T0, 0, 10);
			assertThat(approvedOnSiteA.matches("a", "APPROVED")).isTrue();
			assertThat(approvedOnSiteA.matches("b", "APPROVED")).isFalse();
			assertThat(approvedOnSiteA.matches("a", "REJECTED")).isFalse();
		}

		@Test
		void withoutFiltersMatchesEveryDecidedComment() {
			assertThat(page(0, 10).matches("any", "REJECTED")).isTrue();
		}

	}

}
