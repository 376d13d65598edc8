package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Blocked terms through the moderator: fields, messages, one reason per term per field. */
class BlockedTermsTest {

	@Test
	void blockedTermInContentIsRejectedWithItsOffsets() {
		Verdict verdict = Comments.valid().withContent("Best casino in town").moderate(Comments.blocking("casino"));
		assertThat(verdict.reasons()).containsExactly(new Reason(ReasonCode.BLOCKED_TERM, "content",
				"Your comment contains a word that is not allowed here: \"casino\".", Match.ofTerm("casino", 5, 11)));
	}

	@Test
	void blockedTermIsFoundInNameEmailAndUrlInFieldOrder() {
		Verdict verdict = Comments.valid()
			.withName("Casino Jane")
			.withEmail("casino@example.com")
			.withUrl("https://casino.example/")
			.withContent("casino")
			.moderate(Comments.blocking("casino"));
		assertThat(verdict.reasons()).extracting(Reason::field)
			.containsExactly("author.name", "author.email", "author.url", "content");
		assertThat(verdict.reasons().get(0).message())
			.isEqualTo("Your name contains a word that is not allowed here: \"casino\".");
		assertThat(verdict.reasons()).extracting(Reason::match)
			.containsExactly(Match.ofTerm("casino", 0, 6), Match.ofTerm("casino", 0, 6), Match.ofTerm("casino", 8, 14),
					Match.ofTerm("casino", 0, 6));
	}

	@Test
	void eachDistinctTermIsReportedOnceAtItsFirstOccurrence() {
		Verdict verdict = Comments.valid()
			.withContent("poker, casino, poker and casino")
			.moderate(Comments.blocking("casino", "poker"));
		assertThat(verdict.reasons()).extracting(Reason::match)
			.containsExactly(Match.ofTerm("poker", 0, 5), Match.ofTerm("casino", 7, 13));
	}

	@Test
	void termIsReportedAsConfigured() {
		Verdict verdict = Comments.valid().withContent("casino").moderate(Comments.blocking("CaSiNo"));
		assertThat(verdict.reasons()).extracting(Reason::match).containsExactly(Match.ofTerm("CaSiNo", 0, 6));
	}

	@Test
	void termEmbeddedInAnEmailDomainIsNotAWholeWord() {
		assertThat(Comments.valid().withEmail("jane@casinoworld.com").moderate(Comments.blocking("casino")).decision())
			.isEqualTo(Decision.APPROVED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\u200B" })
	void blankTermsAreIgnored(String term) {
		assertThat(Comments.valid().moderate(Comments.blocking(term)).decision()).isEqualTo(Decision.APPROVED);
	}

}
