package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TermMatcherTest {

	private static List<Match> find(String term, String text) {
		return new TermMatcher(List.of(term)).find(text);
	}

	@Test
	void wholeWordMatches() {
		assertThat(find("ass", "what an ass.")).containsExactly(Match.ofTerm("ass", 8, 11));
	}

	@ParameterizedTest
	@CsvSource({ "ass, assessment", "ass, bass", "ass, classy", "cialis, specialist", "cialis, cialis2",
			"casino, casinos", "casino, 1casino", "casino, casino\u0301x", "casino, écasino", "casino, casinoдом" })
	void termInsideALongerWordDoesNotMatch(String term, String text) {
		assertThat(find(term, text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "casino", "(casino)", "casino!", "a-casino-b", "\"casino\"", "casino_x", "#casino" })
	void punctuationIsAWordBoundary(String text) {
		assertThat(find("casino", text)).hasSize(1);
	}

	@Test
	void multiWordTermMatchesAnyWhitespaceRun() {
		assertThat(find("free money", "get free money now")).containsExactly(Match.ofTerm("free money", 4, 14));
		assertThat(find("free money", "get FREE\n\t  money")).containsExactly(Match.ofTerm("free money", 4, 17));
		assertThat(find("free money", "get free\u00A0money")).containsExactly(Match.ofTerm("free money", 4, 14));
	}

	@Test
	void multiWordTermNeedsWholeWordsAtBothEnds() {
		assertThat(find("free money", "carefree money")).isEmpty();
		assertThat(find("free money", "free moneybags")).isEmpty();
	}

	@Test
	void offsetsCountCodePointsAfterAnAstralEmoji() {
		// U+1F600 is two UTF-16 chars but one code point
		assertThat(find("casino", "\uD83D\uDE00\uD83D\uDE00 casino")).containsExactly(Match.ofTerm("casino", 3, 9));
	}

	@Test
	void letterCaseIsIgnored() {
		assertThat(find("casino", "CaSiNo")).containsExactly(Match.ofTerm("casino", 0, 6));
		assertThat(find("CASINO", "casino")).containsExactly(Match.ofTerm("CASINO", 0, 6));
	}

	@Test
	void fullwidthAndCompatibilityFormsAreFolded() {
		assertThat(find("casino", "\uFF43\uFF41\uFF53\uFF49\uFF4E\uFF4F")).containsExactly(Match.ofTerm("casino", 0, 6));
		assertThat(find("casino", "\uD835\uDC1C\uD835\uDC1A\uD835\uDC2C\uD835\uDC22\uD835\uDC27\uD835\uDC28"))
			.containsExactly(Match.ofTerm("casino", 0, 6)); // mathematical bold
	}

	@Test
	void accentsAreIgnoredPrecomposedOrCombining() {
		assertThat(find("casino", "cásíñò")).containsExactly(Match.ofTerm("casino", 0, 6));
		assertThat(find("casino", "ca\u0301sino\u0300 x")).containsExactly(Match.ofTerm("casino", 0, 8));
		assertThat(find("cásino", "casino")).containsExactly(Match.ofTerm("cásino", 0, 6));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\uFE0F", "\u034F" })
	void invisibleCharactersInsideTheWordAreIgnored(String invisible) {
		assertThat(find("casino", "my ca" + invisible + "sino")).containsExactly(Match.ofTerm("casino", 3, 10));
	}

	@Test
	void invisibleCharactersAroundTheWordDoNotHideALongerWord() {
		assertThat(find("ass", "\u200Bass\u200Bessment")).isEmpty();
	}

	@Test
	void cyrillicAndGreekLookAlikesAreMappedToLatin() {
		assertThat(find("casino", "\u0441\u0430sin\u043E")).containsExactly(Match.ofTerm("casino", 0, 6)); // Cyrillic с а о
		assertThat(find("casino", "casin\u03BF")).containsExactly(Match.ofTerm("casino", 0, 6)); // Greek omicron
		assertThat(find("poker", "\u0440\u03BFk\u0435r")).containsExactly(Match.ofTerm("poker", 0, 5)); // р ο е
		assertThat(find("kiss", "\u039Aiss")).containsExactly(Match.ofTerm("kiss", 0, 4)); // Greek capital kappa
	}

	@Test
	void skeletonsAreNotAppliedToAsciiSoMIsNotRn() {
		assertThat(find("bum", "burn")).isEmpty();
		assertThat(find("burn", "bum")).isEmpty();
		assertThat(find("lol", "101")).isEmpty();
	}

	@Test
	void ligatureOutputIsNotSplit() {
		assertThat(find("ish", "\uFB01sh")).isEmpty(); // "ﬁsh" folds to "fish"
		assertThat(find("fish", "\uFB01sh")).containsExactly(Match.ofTerm("fish", 0, 3));
	}

	@Test
	void termsThatNormalizeAlikeAreReportedOnceUnderTheFirst() {
		assertThat(new TermMatcher(List.of("casino", "CASINO", "cásino")).find("casino"))
			.containsExactly(Match.ofTerm("casino", 0, 6));
	}

	@Test
	void hitsAreOrderedByStartOffset() {
		assertThat(new TermMatcher(List.of("zebra", "apple")).find("apple zebra"))
			.containsExactly(Match.ofTerm("apple", 0, 5), Match.ofTerm("zebra", 6, 11));
	}

	@Test
	void overlappingTermsAreBothFound() {
		assertThat(new TermMatcher(List.of("free money", "money")).find("free money"))
			.containsExactly(Match.ofTerm("free money", 0, 10), Match.ofTerm("money", 5, 10));
	}

	@Test
	void aNonMatchingOccurrenceDoesNotHideALaterWholeWord() {
		assertThat(find("ass", "assessment, you ass")).containsExactly(Match.ofTerm("ass", 16, 19));
	}

}
