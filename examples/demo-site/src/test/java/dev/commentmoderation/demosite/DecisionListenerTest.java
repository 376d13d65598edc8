package dev.commentmoderation.demosite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** How the site reads decisions, without Kafka: what it keeps, what it shows, what it ignores. */
class DecisionListenerTest {

	private static final String POST = "night-trains-return";

	private static final String MODERATOR_REJECTED = """
			[{"code":"MODERATOR_REJECTED","field":null,"message":"Removed by a moderator."}]""";

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path dataDir;

	private DemoSiteProperties properties() {
		return new DemoSiteProperties("demo-site", this.dataDir, ZoneId.of("UTC"), "comments.submitted", "x");
	}

	@Test
	void anApprovedCommentIsStoredWithoutTheEmailAndSurvivesARestart() throws Exception {
		ApprovedCommentStore store = new ApprovedCommentStore(properties(), this.json);
		DecisionBoard board = new DecisionBoard();
		DecisionListener listener = new DecisionListener(this.json, store, board, properties());
		listener.accept(decision("c-1", "APPROVED", "[]"));
		listener.accept(decision("c-1", "APPROVED", "[]")); // read twice after a crash: kept once

		assertThat(board.outcome("c-1").status()).isEqualTo(Outcome.Status.APPROVED);
		assertThat(store.forPost("night-trains-return")).singleElement().satisfies((comment) -> {
			assertThat(comment.name()).isEqualTo("Ada");
			assertThat(comment.url()).isEqualTo("https://ada.example");
			assertThat(comment.content()).isEqualTo("Hello");
		});
		String file = Files.readString(this.dataDir.resolve("approved-comments.jsonl"));
		assertThat(file.lines()).hasSize(1);
		assertThat(file).doesNotContain("ada@example.org");

		ApprovedCommentStore restarted = new ApprovedCommentStore(properties(), this.json);
		assertThat(restarted.contains("c-1")).isTrue();
		assertThat(restarted.forPost("night-trains-return")).hasSize(1);
	}

	@Test
	void aLineTornByACrashIsSkippedAndTheNextCommentStartsOnANewLine() throws Exception {
		Files.writeString(this.dataDir.resolve("approved-comments.jsonl"),
				"{\"commentId\":\"c-1\",\"postId\":\"p\",\"name\":\"A\",\"url\":null,\"content\":\"x\",\"submittedAt\":\"2026-11-28T06:00:00Z\"}\n{\"commentId\":\"c-2\",\"po");
		ApprovedCommentStore store = new ApprovedCommentStore(properties(), this.json);
		assertThat(store.contains("c-1")).isTrue();
		store.publish(new PublishedComment("c-3", "p", "B", null, "y", "2026-11-28T06:01:00Z"), 1);
		ApprovedCommentStore again = new ApprovedCommentStore(properties(), this.json);
		assertThat(again.forPost("p")).extracting(PublishedComment::commentId).containsExactly("c-1", "c-3");
	}

	@Test
	void aRejectionKeepsItsReasonsAndHeldNeverReplacesAFinalDecision() {
		DecisionBoard board = new DecisionBoard();
		DecisionListener listener = new DecisionListener(this.json, new ApprovedCommentStore(properties(), this.json),
				board, properties());
		listener.accept(decision("c-2", "HELD", "[]"));
		assertThat(board.outcome("c-2").status()).isEqualTo(Outcome.Status.HELD);
		listener.accept(decision("c-2", "REJECTED",
				"[{\"code\":\"EMAIL_REQUIRED\",\"field\":\"author.email\",\"message\":\"Please enter your email address.\"}]"));
		listener.accept(decision("c-2", "HELD", "[]")); // arrives late, from another topic
		Outcome outcome = board.outcome("c-2");
		assertThat(outcome.status()).isEqualTo(Outcome.Status.REJECTED);
		assertThat(outcome.reasons()).containsExactly(
				new Reason("EMAIL_REQUIRED", "author.email", "Please enter your email address."));
	}

	@Test
	void unknownDecisionsOtherSitesAndJunkAreIgnored() {
		DecisionBoard board = new DecisionBoard();
		ApprovedCommentStore store = new ApprovedCommentStore(properties(), this.json);
		DecisionListener listener = new DecisionListener(this.json, store, board, properties());
		listener.accept(decision("c-3", "ESCALATED", "[]"));
		listener.accept(decision("c-4", "APPROVED", "[]").replace("\"siteId\":\"demo-site\"", "\"siteId\":\"other\""));
		listener.accept("{\"decision\":\"APPROVED\"}");
		listener.accept(null);
		assertThat(board.outcome("c-3").status()).isEqualTo(Outcome.Status.AWAITING);
		assertThat(store.contains("c-4")).isFalse();
		assertThatNoException().isThrownBy(() -> listener.onDecision(
				new ConsumerRecord<>("comments.approved", 0, 0, "k", "not json")));
	}

	/**
	 * A moderator's corrections, and decisions read in another order than they were made: the approved, rejected
	 * and held topics are separate, so the site keeps the highest revision per commentId.
	 */
	@Nested
	class Revisions {

		private final DecisionBoard board = new DecisionBoard();

		private ApprovedCommentStore store;

		private DecisionListener listener;

		@BeforeEach
		void startWithAnEmptyStore() { // in a method: the outer @TempDir is not set yet when this class is built
			this.store = restartedStore();
			this.listener = new DecisionListener(DecisionListenerTest.this.json, this.store, this.board, properties());
		}

		@Test
		void aHeldReadAfterAModeratorsApprovalIsIgnored() {
			this.listener.accept(decision("c-1", "APPROVED", 2, "[]"));
			this.listener.accept(decision("c-1", "HELD", 1, "[]"));
			assertThat(this.board.outcome("c-1").status()).isEqualTo(Outcome.Status.APPROVED);
			assertThat(shown()).containsExactly("c-1");
		}

		@Test
		void aCorrectionRejectingAnApprovedCommentTakesItDownAlsoAfterARestart() {
			this.listener.accept(decision("c-1", "APPROVED", 1, "[]"));
			assertThat(shown()).containsExactly("c-1");
			this.listener.accept(decision("c-1", "REJECTED", 2, MODERATOR_REJECTED));
			assertThat(this.board.outcome("c-1").status()).isEqualTo(Outcome.Status.REJECTED);
			assertThat(this.store.contains("c-1")).isFalse();
			assertThat(shown()).isEmpty();
			assertThat(restartedStore().forPost(POST)).isEmpty();
		}

		@Test
		void aCorrectionApprovingARejectedCommentPublishesIt() {
			this.listener.accept(decision("c-1", "REJECTED", 1, "[]"));
			this.listener.accept(decision("c-1", "APPROVED", 2, "[]"));
			assertThat(this.board.outcome("c-1").status()).isEqualTo(Outcome.Status.APPROVED);
			assertThat(shown()).containsExactly("c-1");
		}

		@Test
		void revision3ReadAfterRevision2Wins() {
			this.listener.accept(decision("c-1", "APPROVED", 2, "[]"));
			this.listener.accept(decision("c-1", "REJECTED", 3, MODERATOR_REJECTED));
			assertThat(this.board.outcome("c-1").status()).isEqualTo(Outcome.Status.REJECTED);
			assertThat(shown()).isEmpty();
		}

		@Test
		void revision2ReadAfterRevision3IsIgnoredAlsoAfterARestart() {
			this.listener.accept(decision("c-1", "REJECTED", 3, MODERATOR_REJECTED));
			this.listener.accept(decision("c-1", "APPROVED", 2, "[]"));
			assertThat(this.board.outcome("c-1").status()).isEqualTo(Outcome.Status.REJECTED);
			assertThat(this.board.outcome("c-1").reasons()).extracting(Reason::code)
				.containsExactly("MODERATOR_REJECTED");
			assertThat(shown()).isEmpty();
			assertThat(restartedStore().forPost(POST)).isEmpty();
		}

		@Test
		void anAutomaticApprovalReadAfterTheCorrectionThatTookItDownIsIgnored() {
			this.listener.accept(decision("c-1", "REJECTED", 2, MODERATOR_REJECTED));
			this.listener.accept(decision("c-1", "APPROVED", 1, "[]"));
			assertThat(shown()).isEmpty();
		}

		@Test
		void aDecisionWithoutRevisionCountsAsTheFirst() {
			this.listener.accept(decision("c-1", "APPROVED", null, "[]"));
			this.listener.accept(decision("c-1", "REJECTED", 2, MODERATOR_REJECTED));
			this.listener.accept(decision("c-2", "REJECTED", 2, MODERATOR_REJECTED));
			this.listener.accept(decision("c-2", "APPROVED", null, "[]"));
			assertThat(shown()).isEmpty();
		}

		@Test
		void aCommentOfAnOlderFileWithoutRevisionCanBeTakenDown() throws Exception {
			Files.writeString(DecisionListenerTest.this.dataDir.resolve("approved-comments.jsonl"),
					"{\"commentId\":\"c-0\",\"postId\":\"night-trains-return\",\"name\":\"A\",\"url\":null,\"content\":\"x\",\"submittedAt\":\"2026-11-28T06:00:00Z\"}\n");
			ApprovedCommentStore older = restartedStore();
			assertThat(older.contains("c-0")).isTrue();
			new DecisionListener(DecisionListenerTest.this.json, older, this.board, properties())
				.accept(decision("c-0", "REJECTED", 2, MODERATOR_REJECTED));
			assertThat(older.contains("c-0")).isFalse();
			assertThat(restartedStore().contains("c-0")).isFalse();
		}

		@Test
		void anAutomaticRejectionOfAnUnknownCommentIsNotWritten() {
			this.listener.accept(decision("c-1", "REJECTED", 1, "[]"));
			assertThat(DecisionListenerTest.this.dataDir.resolve("approved-comments.jsonl")).doesNotExist();
		}

		@Test
		void aDecisionWhoseRevisionIsNotAPositiveIntegerIsSkipped() {
			this.listener.accept(decision("c-1", "APPROVED", 2, "[]"));
			for (String revision : List.of("\"9\"", "0", "2.5")) {
				String value = decision("c-1", "REJECTED", 9, "[]").replace("\"revision\":9", "\"revision\":" + revision);
				assertThatNoException().isThrownBy(() -> this.listener
					.onDecision(new ConsumerRecord<>("comments.rejected", 0, 0, "c-1", value)));
			}
			assertThat(shown()).containsExactly("c-1");
		}

		private List<String> shown() {
			return this.store.forPost(POST).stream().map(PublishedComment::commentId).toList();
		}

		private ApprovedCommentStore restartedStore() {
			return new ApprovedCommentStore(properties(), DecisionListenerTest.this.json);
		}

	}

	private static String decision(String commentId, String decision, String reasons) {
		return decision(commentId, decision, 1, reasons);
	}

	private static String decision(String commentId, String decision, Integer revision, String reasons) {
		return """
				{"commentId":"%s","postId":"night-trains-return","siteId":"demo-site","decision":"%s",%s"reasons":%s,
				 "moderatedAt":"2026-11-28T06:00:01.000Z",
				 "comment":{"commentId":"%s","postId":"night-trains-return","siteId":"demo-site",
				   "author":{"name":"Ada","email":"ada@example.org","url":"https://ada.example"},
				   "content":"Hello","submittedAt":"2026-11-28T06:00:00Z"}}
				""".formatted(commentId, decision, (revision != null) ? "\"revision\":" + revision + "," : "", reasons,
				commentId);
	}

}
