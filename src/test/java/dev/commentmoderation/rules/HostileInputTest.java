package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Hostile input must complete: generous bounds only, no timing assertions. */
class HostileInputTest {

	private static final Duration GENEROUS = Duration.ofSeconds(10);

	private static RuleSettings withPatterns(String... patterns) {
		RuleSettings d = RuleSettings.DEFAULTS;
		return new RuleSettings(d.maxNameBytes(), d.maxEmailBytes(), d.maxUrlBytes(), d.maxContentBytes(),
				d.maxLinks(), List.of("casino"), List.of(patterns), d.minSubmitTime());
	}

	@Test
	void catastrophicBacktrackingPatternsRunInLinearTimeOnSixtyThousandAs() {
		String content = "a".repeat(60_000) + "!";
		CommentModerator moderator = new CommentModerator(withPatterns("(a+)+$", "(a|aa)+$", "(a*)*b", "(.*a){20}"));
		Verdict verdict = assertTimeoutPreemptively(GENEROUS,
				() -> moderator.moderate(Comments.valid().withContent(content).build()));
		assertThat(verdict.reasons()).extracting(Reason::match)
			.containsExactly(Match.ofPattern("(.*a){20}", 0, 60_000));
	}

	@Test
	void hugeFieldsEverywhereAreRejectedAndScanCostStaysBounded() {
		String huge = "casino\u200B ".repeat(400_000);
		Comment comment = new Comment("c", null, null, null, new Author(huge, huge + "@example.com", "https://" + huge,
				null, null), huge, null, null, huge);
		Verdict verdict = assertTimeoutPreemptively(GENEROUS,
				() -> new CommentModerator(withPatterns("(a+)+$")).moderate(comment));
		assertThat(verdict.reasons()).extracting(Reason::code).contains(ReasonCode.FIELD_TOO_LONG,
				ReasonCode.EMAIL_INVALID, ReasonCode.BLOCKED_TERM, ReasonCode.HONEYPOT);
	}

	@Test
	void manyPartialTermHitsInOneWordStillComplete() {
		String content = "a".repeat(60_000);
		TermMatcher matcher = new TermMatcher(List.of("a", "aa", "aaa", "aaaa"));
		assertThat(assertTimeoutPreemptively(GENEROUS, () -> matcher.find(content))).isEmpty();
	}

}
