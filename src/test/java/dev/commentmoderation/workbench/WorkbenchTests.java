package dev.commentmoderation.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.workbench.HeldQueue.QueueQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The workbench's fan-out and routing over a fake of the stream's state (two instances, three partitions) and a
 * fake of the network to the other instance: which instance is asked what.
 */
class WorkbenchTests {

	static final Instance SELF = new Instance("a.local", 8080);

	static final Instance OTHER = new Instance("b.local", 8080);

	static final QueueQuery ALL = new QueueQuery(null, null, 0, 50);

	final FakeState state = new FakeState();

	final FakePeers peers = new FakePeers();

	final Workbench workbench = new Workbench(this.state, this.peers);

	static HeldComment held(String id, int second) {
		return new HeldComment(id, "site", "post", "author@example.org", Instant.ofEpochSecond(second),
				new AuthorStatus(0, false, false, null), "{}");
	}

	static CommentHistory comment(String id) {
		return new CommentHistory(id, "site", "post", "author@example.org", "HELD", 1, List.of("{}"), List.of());
	}

	@Nested
	class Queue {

		@Test
		void mergesThisInstancesAndTheOthersHeldComments() {
			WorkbenchTests.this.state.held = new Partitioned<>(List.of(held("local", 2)), Set.of(0, 1));
			WorkbenchTests.this.peers.held.put(OTHER, new Partitioned<>(List.of(held("remote", 1)), Set.of(2)));

			assertThat(WorkbenchTests.this.workbench.queue(ALL).comments()).extracting(HeldComment::commentId)
				.containsExactly("remote", "local");
			assertThat(WorkbenchTests.this.peers.asked).containsExactly("held@" + OTHER);
		}

		@Test
		void aSingleInstanceNeverCallsThePeers() {
			WorkbenchTests.this.state.instances = List.of(SELF);
			WorkbenchTests.this.state.held = new Partitioned<>(List.of(held("local", 1)), Set.of(0, 1, 2));

			assertThat(WorkbenchTests.this.workbench.queue(ALL).total()).isEqualTo(1);
			assertThat(WorkbenchTests.this.peers.asked).isEmpty();
		}

		@Test
		void anInstanceAnsweringForPartitionsItLostMakesTheQueueIncomplete() {
			WorkbenchTests.this.state.held = new Partitioned<>(List.of(), Set.of(0, 1, 2));
			WorkbenchTests.this.peers.held.put(OTHER, new Partitioned<>(List.of(), Set.of(2)));

			assertThatExceptionOfType(HeldQueue.IncompleteQueueException.class)
				.isThrownBy(() -> WorkbenchTests.this.workbench.queue(ALL));
		}

		@Test
		void anOtherInstanceThatDoesNotAnswerMakesTheQueueUnavailable() {
			WorkbenchTests.this.state.held = new Partitioned<>(List.of(), Set.of(0, 1));

			assertThatExceptionOfType(StateUnavailableException.class)
				.isThrownBy(() -> WorkbenchTests.this.workbench.queue(ALL));
		}

	}

	@Nested
	class RecentlyDecided {

		final RecentDecisions.RecentQuery firstPage = new RecentDecisions.RecentQuery("site",
				RecentDecisions.Outcome.APPROVED, Instant.EPOCH, 0, 2);

		@Test
		void mergesThisInstancesAndTheOthersNewestFirst() {
			WorkbenchTests.this.state.recent = new Partitioned<>(List.of(decided("local", 2)), Set.of(0, 1));
			WorkbenchTests.this.peers.recent.put(OTHER, new Partitioned<>(List.of(decided("remote", 3)), Set.of(2)));

			assertThat(WorkbenchTests.this.workbench.recentDecisions(this.firstPage).decisions())
				.extracting(RecentDecision::commentId)
				.containsExactly("remote", "local");
		}

		@Test
		void everyInstanceIsAskedForOneMoreThanThePageReaches() {
			WorkbenchTests.this.state.recent = new Partitioned<>(List.of(), Set.of(0, 1));
			WorkbenchTests.this.peers.recent.put(OTHER, new Partitioned<>(List.of(), Set.of(2)));

			WorkbenchTests.this.workbench.recentDecisions(this.firstPage);

			assertThat(WorkbenchTests.this.state.recentAsked.limit()).isEqualTo(3);
			assertThat(WorkbenchTests.this.peers.asked).containsExactly("recent limit 3@" + OTHER);
		}

		@Test
		void aPartitionAnsweredByNoInstanceMakesTheViewIncomplete() {
			WorkbenchTests.this.state.recent = new Partitioned<>(List.of(), Set.of(0));
			WorkbenchTests.this.peers.recent.put(OTHER, new Partitioned<>(List.of(), Set.of(2)));

			assertThatExceptionOfType(HeldQueue.IncompleteQueueException.class)
				.isThrownBy(() -> WorkbenchTests.this.workbench.recentDecisions(this.firstPage));
		}

		@Test
		void anOtherInstanceThatDoesNotAnswerMakesTheViewUnavailable() {
			WorkbenchTests.this.state.recent = new Partitioned<>(List.of(), Set.of(0, 1));

			assertThatExceptionOfType(StateUnavailableException.class)
				.isThrownBy(() -> WorkbenchTests.this.workbench.recentDecisions(this.firstPage));
		}

		static RecentDecision decided(String id, int second) {
			return new RecentDecision(id, "site", "post", "author@example.org", "APPROVED", 1,
					Instant.ofEpochSecond(second), "{}");
		}

	}

	@Nested
	class Routing {

		@Test
		void aCommentOwnedHereIsReadLocally() {
			WorkbenchTests.this.state.commentOwner = SELF;
			WorkbenchTests.this.state.comments.put("c-1", comment("c-1"));

			assertThat(WorkbenchTests.this.workbench.comment("c-1")).map(CommentHistory::commentId).hasValue("c-1");
			assertThat(WorkbenchTests.this.peers.asked).isEmpty();
		}

		@Test
		void aCommentOwnedElsewhereIsAskedOfItsOwner() {
			WorkbenchTests.this.state.commentOwner = OTHER;
			WorkbenchTests.this.peers.comments.put("c-2", comment("c-2"));

			assertThat(WorkbenchTests.this.workbench.comment("c-2")).map(CommentHistory::commentId).hasValue("c-2");
			assertThat(WorkbenchTests.this.peers.asked).containsExactly("comment c-2@" + OTHER);
		}

		@Test
		void anUnknownCommentIsEmpty() {
			WorkbenchTests.this.state.commentOwner = SELF;
			assertThat(WorkbenchTests.this.workbench.comment("nope")).isEmpty();
		}

		@Test
		void anAuthorOwnedElsewhereIsAskedOfItsOwner() {
			WorkbenchTests.this.state.authorOwner = OTHER;
			assertThat(WorkbenchTests.this.workbench.author("jane@example.org")).isEmpty();
			assertThat(WorkbenchTests.this.peers.asked).containsExactly("author jane@example.org@" + OTHER);
		}

	}

	static final class FakeState implements ModerationState {

		List<Instance> instances = List.of(SELF, OTHER);

		Partitioned<List<HeldComment>> held = new Partitioned<>(List.of(), Set.of());

		Partitioned<List<RecentDecision>> recent = new Partitioned<>(List.of(), Set.of());

		RecentDecisions.RecentQuery recentAsked;

		Map<String, CommentHistory> comments = new HashMap<>();

		Instance commentOwner = SELF;

		Instance authorOwner = SELF;

		@Override
		public Partitioned<List<HeldComment>> localHeldComments() {
			return this.held;
		}

		@Override
		public Partitioned<List<RecentDecision>> localRecentDecisions(RecentDecisions.RecentQuery query) {
			this.recentAsked = query;
			return this.recent;
		}

		@Override
		public Optional<CommentHistory> localComment(String commentId) {
			return Optional.ofNullable(this.comments.get(commentId));
		}

		@Override
		public Optional<AuthorHistory> localAuthor(String normalizedEmail) {
			return Optional.empty();
		}

		@Override
		public Instance ownerOfComment(String commentId) {
			return this.commentOwner;
		}

		@Override
		public Instance ownerOfAuthor(String normalizedEmail) {
			return this.authorOwner;
		}

		@Override
		public List<Instance> instancesWithHeldComments() {
			return this.instances;
		}

		@Override
		public Instance self() {
			return SELF;
		}

		@Override
		public int partitions() {
			return 3;
		}

	}

	static final class FakePeers implements Peers {

		final Map<Instance, Partitioned<List<HeldComment>>> held = new HashMap<>();

		final Map<Instance, Partitioned<List<RecentDecision>>> recent = new HashMap<>();

		final Map<String, CommentHistory> comments = new HashMap<>();

		final List<String> asked = new ArrayList<>();

		@Override
		public Partitioned<List<HeldComment>> heldComments(Instance instance) {
			this.asked.add("held@" + instance);
			Partitioned<List<HeldComment>> answer = this.held.get(instance);
			if (answer == null) {
				throw new StateUnavailableException("Instance " + instance + " did not answer");
			}
			return answer;
		}

		@Override
		public Partitioned<List<RecentDecision>> recentDecisions(Instance instance, RecentDecisions.RecentQuery query) {
			this.asked.add("recent limit " + query.limit() + "@" + instance);
			Partitioned<List<RecentDecision>> answer = this.recent.get(instance);
			if (answer == null) {
				throw new StateUnavailableException("Instance " + instance + " did not answer");
			}
			return answer;
		}

		@Override
		public Optional<CommentHistory> comment(Instance instance, String commentId) {
			this.asked.add("comment " + commentId + "@" + instance);
			return Optional.ofNullable(this.comments.get(commentId));
		}

		@Override
		public Optional<AuthorHistory> author(Instance instance, String normalizedEmail) {
			this.asked.add("author " + normalizedEmail + "@" + instance);
			return Optional.empty();
		}

	}

}
