package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Ten thousand terms compile into one automaton and match like ten do (correctness only, no timing). */
class LargeTermListTest {

	static List<String> terms(int count) {
		List<String> terms = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			terms.add("spamword" + Integer.toString(i, 26).replaceAll("[0-9]", "x") + i % 7);
		}
		return terms;
	}

	static List<String> letterTerms(int count) {
		List<String> terms = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			StringBuilder b = new StringBuilder("zq");
			int n = i;
			do {
				b.append((char) ('a' + n % 26));
				n /= 26;
			}
			while (n > 0);
			terms.add(b.toString());
		}
		return terms;
	}

	@Test
	void tenThousandTermsCompileAndMatchExactlyTheWordsPresent() {
		List<String> terms = letterTerms(10_000);
		terms.add("casino");
		TermMatcher matcher = new TermMatcher(terms);
		assertThat(matcher.size()).isEqualTo(10_001);
		String first = terms.get(0);
		String last = terms.get(9_999);
		String text = "Hi " + first + ", visit the саsinо and " + last.toUpperCase() + " but not " + last + "s.";
		assertThat(matcher.find(text)).extracting(Match::term).containsExactly(first, "casino", last);
	}

	@Test
	void tenThousandTermsThroughTheModeratorRejectOnlyTheBlockedWords() {
		List<String> terms = letterTerms(10_000);
		CommentModerator moderator = new CommentModerator(RuleSettings.DEFAULTS.withBlockedTerms(terms));
		assertThat(moderator.moderate(Comments.valid().build()).decision()).isEqualTo(Decision.APPROVED);
		assertThat(moderator.moderate(Comments.valid().withContent("so " + terms.get(4_321) + " indeed").build())
			.reasons()).extracting(Reason::match).containsExactly(Match.ofTerm(terms.get(4_321), 3, 3 + terms.get(4_321).length()));
	}

}
