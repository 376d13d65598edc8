package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15, points 1 and 2: markup neither splits nor hides a term; terms with punctuation edges; link targets. */
class TermMatcherMarkupTest {

	private static List<Match> find(String term, String text) {
		return new TermMatcher(List.of(term)).find(text);
	}

	/** The code points of {@code text} a match covers, as received. */
	private static String covered(String text, Match match) {
		int from = text.offsetByCodePoints(0, match.start());
		return text.substring(from, text.offsetByCodePoints(from, match.end() - match.start()));
	}

	@Nested
	class ATagInsideAWord {

		@Test
		void doesNotHideTheTermAndTheMatchCoversTheMarkup() {
			String text = "stuck <b>half</b>way";

			List<Match> matches = find("halfway", text);

			assertThat(matches).containsExactly(Match.ofTerm("halfway", 9, 20));
			assertThat(covered(text, matches.get(0))).isEqualTo("half</b>way");
		}

		@ParameterizedTest
		@ValueSource(strings = { "cas<i>in</i>o", "ca<!-- -->sino", "c<span class=\"x\">a</span>sino",
				"<em>ca</em><strong>sino</strong>", "ca<wbr>sino" })
		void inlineTagsAndCommentsAreRemovedBeforeMatching(String disguised) {
			String text = "play " + disguised + " tonight";

			List<Match> matches = find("casino", text);

			assertThat(matches).hasSize(1);
			assertThat(covered(text, matches.get(0))).startsWith("c").endsWith("o");
		}

		@Test
		void blockElementsSeparateWordsSoParagraphsDoNotJoin() {
			assertThat(find("halfway", "<p>half</p><p>way</p>")).isEmpty();
			assertThat(find("halfway", "half<br>way")).isEmpty();
		}

		@Test
		void aTermAroundWhichTagsStandIsStillAWholeWord() {
			assertThat(find("casino", "x<b>casino</b>y")).containsExactly(Match.ofTerm("casino", 4, 10));
		}

		@Test
		void aTermInsideALongerWordIsStillNotMatchedWhenTagsAreRemoved() {
			assertThat(find("ass", "<b>ass</b>essment")).containsExactly(Match.ofTerm("ass", 3, 6));
			assertThat(find("ass", "a<b>ss</b>essment")).isEmpty();
		}

		@Test
		void textThatOnlyLooksLikeMarkupIsMatchedAsWritten() {
			assertThat(find("casino", "1 < 2 and casino > poker")).containsExactly(Match.ofTerm("casino", 10, 16));
		}

	}

	@Nested
	class Entities {

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "cas&#105;no|11", "cas&#x69;no|11", "c&aacute;sino|13", "&#99;asino|10",
				"cas&iuml;no|11" })
		void decodedEntitiesSpellTheTermAndTheMatchCoversTheReference(String written, int length) {
			String text = "go " + written + "!";

			assertThat(find("casino", text)).containsExactly(Match.ofTerm("casino", 3, 3 + length));
		}

		@Test
		void offsetsCountCodePointsOfTheTextAsReceived() {
			String text = "\uD83D\uDE00 <b>ca</b>&#115;ino";

			List<Match> matches = find("casino", text);

			assertThat(matches).containsExactly(Match.ofTerm("casino", 5, 20));
			assertThat(covered(text, matches.get(0))).isEqualTo("ca</b>&#115;ino");
		}

	}

	@Nested
	class PunctuationAtATermsEdges {

		@Test
		void aTermThatStartsAndEndsWithPunctuationMatchesInsideAUrl() {
			String text = "see http://example.com/spam/offer.html";

			assertThat(find("/spam/", text)).containsExactly(Match.ofTerm("/spam/", 22, 28));
		}

		@Test
		void aTermThatEndsWithPunctuationStillNeedsABoundaryAtItsLetterEdge() {
			assertThat(find("spam.", "this is spam. really")).hasSize(1);
			assertThat(find("spam.", "antispam. really")).isEmpty();
		}

		@Test
		void aTermThatStartsWithPunctuationStillNeedsABoundaryAtItsLetterEdge() {
			assertThat(find(".ru", "visit shop.ru today")).containsExactly(Match.ofTerm(".ru", 10, 13));
			assertThat(find(".ru", "visit shop.run today")).isEmpty();
		}

	}

	@Nested
	class LinkTargets {

		@Test
		void aTermInAnHrefIsFoundWithOffsetsInTheAttributeValue() {
			String text = "<a href=\"http://example.com/spam/win\">prizes</a>";

			List<Match> matches = find("/spam/", text);

			assertThat(matches).hasSize(1);
			assertThat(covered(text, matches.get(0))).isEqualTo("/spam/");
		}

		@Test
		void anEntityEncodedHrefIsDecodedBeforeMatching() {
			String text = "<a href=\"http://example.com/&#99;asino/\">x</a>";

			List<Match> matches = find("casino", text);

			assertThat(matches).hasSize(1);
			assertThat(covered(text, matches.get(0))).isEqualTo("&#99;asino");
		}

		@Test
		void anImageSourceIsTextToo() {
			assertThat(find("casino", "<img src=\"https://cdn.example/c&#97;sino.png\">")).hasSize(1);
		}

	}

	@Nested
	class WhereMarkupWasRemovedOrDecoded {

		@Test
		void aMultiWordTermWhoseSpacesAreSplitByATagIsFound() {
			String text = "get free <b> money</b> now";

			List<Match> matches = find("free money", text);

			assertThat(matches).hasSize(1);
			assertThat(covered(text, matches.get(0))).isEqualTo("free <b> money");
		}

		@Test
		void aTermWrittenOnlyInReferencesIsFound() {
			String text = "play &#99;&#97;&#115;&#105;&#110;&#111; now";

			List<Match> matches = find("casino", text);

			assertThat(matches).hasSize(1);
			assertThat(covered(text, matches.get(0))).isEqualTo("&#99;&#97;&#115;&#105;&#110;&#111;");
		}

		@Test
		void aLegacyReferenceWithoutASemicolonEndsTheWordBeforeWhatFollowsIt() {
			// read as "AT&casino": the letters of "amp" no longer touch the term
			assertThat(find("casino", "AT&ampcasino")).containsExactly(Match.ofTerm("casino", 6, 12));
		}

		@Test
		void aThaiTermSplitByATagIsFoundWithTheDictionaryReadingTheWholeRun() {
			String text = "เล่นคา<b>สิโน</b>ออนไลน์ได้";

			List<Match> matches = find("คาสิโน", text);

			assertThat(matches).hasSize(1);
			assertThat(covered(text, matches.get(0))).isEqualTo("คา<b>สิโน");
		}

		@Test
		void aTermSplitByMarkupThatNoOtherTermSharesAPairWithIsStillFound() {
			TermMatcher matcher = new TermMatcher(List.of("zq", "casino"));

			assertThat(matcher.find("a ca<i>sino b")).extracting(Match::term).containsExactly("casino");
		}

		@Test
		void markupBetweenLettersThatNoTermHoldsSideBySideMakesNoHit() {
			assertThat(find("casino", "<b>cas</b>xino <i>c</i>asinox")).isEmpty();
		}

	}

	@Nested
	class TheWholeValueIsReadThroughItsMarkup {

		@Test
		void aTermHiddenByMarkupAfterAThousandTagsIsFound() {
			String text = "<i></i>".repeat(2_000) + "stuck <b>half</b>way";

			List<Match> matches = find("halfway", text);

			assertThat(matches).hasSize(1);
			assertThat(covered(text, matches.get(0))).isEqualTo("half</b>way");
		}

		@Test
		void aTermHiddenByMarkupAfterSixtyFourThousandCharsIsFound() {
			String text = "word ".repeat(13_000) + "cas&#105;no";

			assertThat(find("casino", text)).containsExactly(Match.ofTerm("casino", 65_000, 65_011));
		}

	}

}
