package dev.commentmoderation.demosite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** How the site reads decisions, without Kafka: what it keeps, what it shows, what it ignores. */
class DecisionListenerTest {

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
		store.add(new PublishedComment("c-3", "p", "B", null, "y", "2026-11-28T06:01:00Z"));
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
				new org.apache.kafka.clients.consumer.ConsumerRecord<>("comments.approved", 0, 0, "k", "not json")));
	}

	private static String decision(String commentId, String decision, String reasons) {
		return """
				{"commentId":"%s","postId":"night-trains-return","siteId":"demo-site","decision":"%s","reasons":%s,
				 "moderatedAt":"2026-11-28T06:00:01.000Z",
				 "comment":{"commentId":"%s","postId":"night-trains-return","siteId":"demo-site",
				   "author":{"name":"Ada","email":"ada@example.org","url":"https://ada.example"},
				   "content":"Hello","submittedAt":"2026-11-28T06:00:00Z"}}
				""".formatted(commentId, decision, reasons, commentId);
	}

}
