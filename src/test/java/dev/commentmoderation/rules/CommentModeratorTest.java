package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class CommentModeratorTest {

	@Test
	void validCommentIsApprovedWithNoReasons() {
		Verdict verdict = Comments.valid().moderate();
		assertThat(verdict.decision()).isEqualTo(Decision.APPROVED);
		assertThat(verdict.reasons()).isEmpty();
	}

	@Test
	void commentBreakingEveryRuleGetsEveryReasonInRuleThenFieldOrder() {
		Comment comment = new Comment("c", "p", "s", null,
				new Author("casino " + "n".repeat(245), "not-an-email", "javascript:alert(1)", null, null),
				"casino http://a.example www.b.example https://c.example [url=x]", Comments.SUBMITTED,
				Comments.SUBMITTED.minusSeconds(1), "filled");
		Verdict verdict = new CommentModerator(Comments.blocking("casino")).moderate(comment);
		assertThat(verdict.decision()).isEqualTo(Decision.REJECTED);
		assertThat(verdict.reasons()).extracting(Reason::code, Reason::field)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(ReasonCode.EMAIL_INVALID, "author.email"),
					org.assertj.core.groups.Tuple.tuple(ReasonCode.URL_INVALID, "author.url"),
					org.assertj.core.groups.Tuple.tuple(ReasonCode.FIELD_TOO_LONG, "author.name"),
					org.assertj.core.groups.Tuple.tuple(ReasonCode.TOO_MANY_LINKS, "content"),
					org.assertj.core.groups.Tuple.tuple(ReasonCode.BLOCKED_TERM, "author.name"),
					org.assertj.core.groups.Tuple.tuple(ReasonCode.BLOCKED_TERM, "content"),
					org.assertj.core.groups.Tuple.tuple(ReasonCode.SPAM_PATTERN, "content"),
					org.assertj.core.groups.Tuple.tuple(ReasonCode.HONEYPOT, "honeypot"),
					org.assertj.core.groups.Tuple.tuple(ReasonCode.SUBMITTED_TOO_FAST, "formRenderedAt"));
	}

	@Test
	void requiredReasonsComeFirstInNameEmailContentOrder() {
		Comment comment = new Comment("c", null, null, null, new Author(" ", null, null, null, null), "\u200B",
				null, null, "bot");
		assertThat(new CommentModerator(RuleSettings.DEFAULTS).moderate(comment).reasons()).extracting(Reason::code)
			.containsExactly(ReasonCode.NAME_REQUIRED, ReasonCode.EMAIL_REQUIRED, ReasonCode.CONTENT_REQUIRED,
					ReasonCode.HONEYPOT);
	}

	@Test
	void everyStatelessReasonCodeIsProducedBySomeComment() {
		Comment comment = new Comment("c", null, null, null, null, null, null, null, null);
		List<ReasonCode> codes = new java.util.ArrayList<>(
				new CommentModerator(RuleSettings.DEFAULTS).moderate(comment).reasons().stream().map(Reason::code).toList());
		codes.addAll(new CommentModeratorTest().allRulesCodes());
		List<ReasonCode> stateful = List.of(ReasonCode.DUPLICATE, ReasonCode.FLOOD, ReasonCode.NEW_AUTHOR,
				ReasonCode.MODERATOR_APPROVED, ReasonCode.MODERATOR_REJECTED, ReasonCode.REVIEW_EXPIRED,
				ReasonCode.AUTHOR_BANNED, ReasonCode.AUTHOR_PREMODERATED, ReasonCode.SPAM_CLASSIFIER);
		assertThat(codes).containsAll(java.util.Arrays.stream(ReasonCode.values())
			.filter(code -> !stateful.contains(code))
			.toList());
	}

	private List<ReasonCode> allRulesCodes() {
		Comment comment = new Comment("c", "p", "s", null,
				new Author("casino " + "n".repeat(245), "not-an-email", "javascript:alert(1)", null, null),
				"casino refund http://a.example www.b.example https://c.example [url=x]", Comments.SUBMITTED,
				Comments.SUBMITTED.minusSeconds(1), "filled");
		RuleActions scoringLinks = new RuleActions(java.util.Map.of(),
				java.util.Map.of(ReasonCode.LINK, java.math.BigDecimal.ONE), null, null);
		return new CommentModerator(
				Comments.blocking("casino").withHeldTerms(List.of("refund")).withActions(scoringLinks))
			.moderate(comment)
			.reasons()
			.stream()
			.map(Reason::code).toList();
	}

	@Test
	void messagesArePlainTextWithoutHtml() {
		Comment comment = new Comment("c", "p", "s", null,
				new Author("casino " + "n".repeat(245), "not-an-email", "javascript:alert(1)", null, null),
				"casino http://a.example www.b.example https://c.example [url=x]", Comments.SUBMITTED,
				Comments.SUBMITTED.minusSeconds(1), "filled");
		assertThat(new CommentModerator(Comments.blocking("casino")).moderate(comment).reasons())
			.extracting(Reason::message)
			.allSatisfy(m -> assertThat(m).isNotBlank().doesNotContain("<", ">").endsWith("."));
	}

	@Test
	void oneModeratorGivesTheSameVerdictsFromManyThreads() throws Exception {
		CommentModerator moderator = new CommentModerator(Comments.blocking("casino", "free money"));
		Comment comment = Comments.valid().withContent("free  money at the саsinо").build();
		Verdict expected = moderator.moderate(comment);
		List<Verdict> verdicts = java.util.stream.IntStream.range(0, 400).parallel()
			.mapToObj(i -> moderator.moderate(comment)).toList();
		assertThat(verdicts).allSatisfy(v -> assertThat(v).isEqualTo(expected));
		assertThat(expected.reasons()).hasSize(2);
	}

	@Test
	void rulesPackageImportsNeitherSpringNorKafka() throws IOException {
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java/dev/commentmoderation/rules"))) {
			assertThat(sources.filter(p -> p.toString().endsWith(".java")).toList()).isNotEmpty()
				.allSatisfy(p -> assertThat(Files.readString(p)).doesNotContain("import org.springframework")
					.doesNotContain("import org.apache.kafka"));
		}
	}

}
