package dev.commentmoderation.workbench;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.workbench.HeldQueue.IncompleteQueueException;
import dev.commentmoderation.workbench.HeldQueue.QueuePage;
import dev.commentmoderation.workbench.HeldQueue.QueueQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HeldQueueTests {

	static final Instant T0 = Instant.parse("2026-11-29T03:00:00Z");

	static final QueueQuery ALL = new QueueQuery(null, null, 0, 50);

	static HeldComment held(String id, String site, String post, int secondsAfterT0) {
		return new HeldComment(id, site, post, id + "@example.org", T0.plusSeconds(secondsAfterT0),
				new AuthorStatus(0, false, false, null), "{}");
	}

	static Partitioned<List<HeldComment>> answer(Set<Integer> partitions, HeldComment... comments) {
		return new Partitioned<>(List.of(comments), partitions);
	}

	static List<String> ids(QueuePage page) {
		return page.comments().stream().map(HeldComment::commentId).toList();
	}

	@Nested
	class Merging {

		@Test
		void commentsOfAllInstancesComeOldestFirst() {
			QueuePage page = HeldQueue.merge(List.of(answer(Set.of(0), held("b", "s1", "p", 20), held("d", "s1", "p", 40)),
					answer(Set.of(1, 2), held("a", "s2", "p", 10), held("c", "s2", "p", 30))), 3, ALL);
			assertThat(ids(page)).containsExactly("a", "b", "c", "d");
		}

		@Test
		void commentsHeldAtTheSameInstantAreOrderedById() {
			QueuePage page = HeldQueue.merge(List.of(answer(Set.of(0), held("y", "s", "p", 5)),
					answer(Set.of(1), held("x", "s", "p", 5))), 2, ALL);
			assertThat(ids(page)).containsExactly("x", "y");
		}

		@Test
		void countsPerSiteCoverTheWholeQueueNotOnlyTheFilter() {
			QueuePage page = HeldQueue.merge(List.of(answer(Set.of(0), held("a", "s1", "p", 1), held("b", "s2", "p", 2),
					held("c", "s2", "p", 3))), 1, new QueueQuery("s1", null, 0, 50));
			assertThat(ids(page)).containsExactly("a");
			assertThat(page.perSite()).containsEntry("s1", 1L).containsEntry("s2", 2L);
		}

		@Test
		void aPostFilterKeepsThatPostsComments() {
			QueuePage page = HeldQueue.merge(List.of(answer(Set.of(0), held("a", "s", "p1", 1), held("b", "s", "p2", 2))),
					1, new QueueQuery(null, "p2", 0, 50));
			assertThat(ids(page)).containsExactly("b");
			assertThat(page.total()).isEqualTo(1);
		}

		@Test
		void anEmptyQueueOfCompleteAnswersIsAnEmptyPage() {
			QueuePage page = HeldQueue.merge(List.of(answer(Set.of(0, 1))), 2, ALL);
			assertThat(page.comments()).isEmpty();
			assertThat(page.total()).isZero();
		}

	}

	@Nested
	class Paging {

		final List<Partitioned<List<HeldComment>>> five = List.of(answer(Set.of(0), held("a", "s", "p", 1),
				held("b", "s", "p", 2), held("c", "s", "p", 3), held("d", "s", "p", 4), held("e", "s", "p", 5)));

		@Test
		void aPageHoldsAtMostSizeComments() {
			QueuePage page = HeldQueue.merge(this.five, 1, new QueueQuery(null, null, 1, 2));
			assertThat(ids(page)).containsExactly("c", "d");
			assertThat(page.total()).isEqualTo(5);
		}

		@Test
		void theLastPageMayBeShort() {
			assertThat(ids(HeldQueue.merge(this.five, 1, new QueueQuery(null, null, 2, 2)))).containsExactly("e");
		}

		@Test
		void aPageBeyondTheEndIsEmpty() {
			assertThat(HeldQueue.merge(this.five, 1, new QueueQuery(null, null, 9, 2)).comments()).isEmpty();
		}

	}

	@Nested
	class Completeness {

		@Test
		void aPartitionNoInstanceAnsweredForMeansRebalancing() {
			assertThatExceptionOfType(IncompleteQueueException.class)
				.isThrownBy(() -> HeldQueue.merge(List.of(answer(Set.of(0)), answer(Set.of(2))), 3, ALL))
				.satisfies((ex) -> assertThat(ex.missing()).containsExactly(1));
		}

		@Test
		void aPartitionTwoInstancesAnsweredForMeansRebalancing() {
			assertThatExceptionOfType(IncompleteQueueException.class)
				.isThrownBy(() -> HeldQueue.merge(List.of(answer(Set.of(0, 1)), answer(Set.of(1))), 2, ALL))
				.satisfies((ex) -> assertThat(ex.duplicated()).containsExactly(1));
		}

		@Test
		void aPartitionBeyondTheCountIsRefused() {
			assertThatExceptionOfType(IncompleteQueueException.class)
				.isThrownBy(() -> HeldQueue.merge(List.of(answer(Set.of(0, 1, 2))), 2, ALL))
				.satisfies((ex) -> assertThat(ex.unknown()).containsExactly(2));
		}

		@Test
		void noAnswerAtAllIsIncomplete() {
			assertThatExceptionOfType(IncompleteQueueException.class)
				.isThrownBy(() -> HeldQueue.merge(List.of(), 1, ALL));
		}

		@Test
		void anIncompleteQueueIsAStateThatIsNotAvailableNow() {
			assertThat(new IncompleteQueueException(Set.of(0), Set.of(), Set.of()))
				.isInstanceOf(StateUnavailableException.class);
		}

	}

}
