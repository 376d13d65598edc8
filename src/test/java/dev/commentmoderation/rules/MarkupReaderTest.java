package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the HTML tokenizer of the term check reads in a value: tags, comments, references, edge cases. */
class MarkupReaderTest {

	private static final char SEPARATOR = MarkupReader.SEPARATOR;

	private static String read(String value) {
		MarkupReader.ReadThrough read = MarkupReader.read(value);
		return new String(read.chars(), 0, read.length());
	}

	@Nested
	class Tags {

		@Test
		void aTagIsRemoved() {
			assertThat(read("stuck <b>half</b>way")).isEqualTo("stuck halfway");
		}

		@Test
		void aTagTheValueEndsInsideIsDroppedWithTheRestOfTheValue() {
			assertThat(read("see <b class=\"x")).isEqualTo("see ");
			assertThat(read("see <b")).isEqualTo("see ");
		}

		@ParameterizedTest
		@ValueSource(strings = { "1 < 2", "a <3 b", "x <= y", "<", "a<", "<<>>", "< b>" })
		void aLessThanSignNotFollowedByALetterSlashBangOrQuestionMarkIsText(String value) {
			assertThat(read(value)).isEqualTo(value);
		}

		@Test
		void aGreaterThanSignInsideAQuotedAttributeValueDoesNotEndTheTag() {
			assertThat(read("<span title=\"a>b\" lang='c>d'>text</span>")).isEqualTo("text");
		}

		@Test
		void anUnquotedAttributeValueEndsAtASpaceOrAGreaterThanSign() {
			assertThat(read("<span class=a title=b>text</span>")).isEqualTo("text");
		}

		@Test
		void anEmptyEndTagIsDropped() {
			assertThat(read("ca</>sino")).isEqualTo("casino");
		}

		@Test
		void anEndTagOpenerAtTheEndOfTheValueIsText() {
			assertThat(read("casino</")).isEqualTo("casino</");
		}

		@Test
		void anEndTagOpenerNotFollowedByALetterStartsABogusCommentUpToTheNextGreaterThanSign() {
			assertThat(read("ca</ x>sino")).isEqualTo("casino");
		}

		@Test
		void aProcessingInstructionAndADoctypeAreDropped() {
			assertThat(read("<!DOCTYPE html>ca<?php echo 1 ?>sino")).isEqualTo("casino");
		}

		@Test
		void blockElementsAndLineBreaksReadAsALineBreakInlineElementsAsNothing() {
			assertThat(read("a<p>b</p>c<br>d<span>e</span><div>f")).isEqualTo("a\nb\nc\nde\nf");
		}

		@Test
		void anUnknownTagIsInline() {
			assertThat(read("ca<foo-bar>si</foo-bar>no")).isEqualTo("casino");
		}

		@Test
		void tagNamesAreCaseInsensitive() {
			assertThat(read("a<P>b</P>c<SCRIPT>d<e</ScRiPt>f")).isEqualTo("a\nb\nc\nd<e\nf");
		}

	}

	@Nested
	class Comments {

		@Test
		void aCommentIsRemoved() {
			assertThat(read("ca<!-- x -- y -->sino")).isEqualTo("casino");
		}

		@ParameterizedTest
		@ValueSource(strings = { "ca<!-->sino", "ca<!--->sino", "ca<!-- x --!>sino" })
		void aCommentClosedAbruptlyOrWithBangEndsThere(String value) {
			assertThat(read(value)).isEqualTo("casino");
		}

		@Test
		void aCommentTheValueEndsInsideHidesTheRestOfTheValue() {
			assertThat(read("casino <!-- poker")).isEqualTo("casino ");
		}

	}

	@Nested
	class CdataLikeInput {

		@Test
		void aCdataSectionReadsAsItsContentAsJsoupReadsIt() {
			assertThat(read("ca<![CDATA[si]]>no")).isEqualTo("casino");
		}

		@Test
		void aCdataSectionTheValueEndsInsideRunsToTheEnd() {
			assertThat(read("ca<![CDATA[sino")).isEqualTo("casino");
		}

		@Test
		void aMalformedCdataOpenerIsABogusComment() {
			assertThat(read("ca<![CDAT[x]]>sino")).isEqualTo("casino");
		}

	}

	@Nested
	class RawText {

		@Test
		void scriptContentIsTextWithNoTagsAndNoReferencesInIt() {
			// jsoup's tag table counts script, style and plaintext as blocks: a line break around them
			assertThat(read("<script>if (a<b && c>d) go('&amp;')</script>x"))
				.isEqualTo("if (a<b && c>d) go('&amp;')\nx");
		}

		@Test
		void onlyTheMatchingEndTagFollowedByASpaceSlashOrGreaterThanEndsRawText() {
			assertThat(read("<style>a</styles>b</style >c")).isEqualTo("a</styles>b\nc");
		}

		@Test
		void titleAndTextareaContentHasReferencesDecodedButNoTags() {
			assertThat(read("<textarea>caf&eacute; <b></textarea>")).isEqualTo("café <b>");
		}

		@Test
		void plaintextRunsToTheEnd() {
			assertThat(read("a<plaintext>b</plaintext>c")).isEqualTo("a\nb</plaintext>c");
		}

	}

	@Nested
	class CharacterReferences {

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "caf&eacute;|café", "a&amp;b|a&b", "&#99;asino|casino", "&#x63;|c",
				"&#X63;|c", "&#128512;|\uD83D\uDE00", "&NotNestedLessLess;|\u2AA1\u0338" })
		void namedAndNumericReferencesAreDecoded(String value, String expected) {
			assertThat(read(value)).isEqualTo(expected);
		}

		@Test
		void aLegacyNamedReferenceWithoutASemicolonIsDecodedInText() {
			assertThat(read("AT&ampT caf&eacute")).isEqualTo("AT&T café");
		}

		@Test
		void theLongestLegacyNameALongerUnknownNameStartsWithIsDecoded() {
			assertThat(read("&notit;")).isEqualTo("¬it;");
		}

		@Test
		void aNamedReferenceThatNeedsASemicolonAndHasNoneIsText() {
			assertThat(read("wait&hellip now")).isEqualTo("wait&hellip now");
		}

		@Test
		void aNumericReferenceWithoutASemicolonIsDecoded() {
			assertThat(read("cas&#105no")).isEqualTo("casino");
		}

		@ParameterizedTest
		@ValueSource(strings = { "a & b", "a &; b", "a &#; b", "a &#x; b", "a &#xyz; b", "&unknownname;", "&" })
		void anAmpersandThatStartsNoReferenceIsText(String value) {
			assertThat(read(value)).isEqualTo(value);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = { "&#0;|\uFFFD", "&#x110000;|\uFFFD", "&#xD800;|\uFFFD",
				"&#99999999999999999999;|\uFFFD", "&#x80;|\u20AC", "&#x9F;|\u0178", "&#x81;|\u0081",
				"&#x10FFFF;|\uDBFF\uDFFF" })
		void numericReferencesOutOfRangeOrToControlsReadAsHtmlSays(String value, String expected) {
			assertThat(read(value)).isEqualTo(expected);
		}

	}

	@Nested
	class LinkTargets {

		@Test
		void aLinkTargetWithAReferenceFollowsTheTextDecodedAfterASeparator() {
			assertThat(read("<a href=\"http://x.example/c&#97;sino\">y</a>"))
				.isEqualTo("y" + SEPARATOR + "http://x.example/casino");
		}

		@Test
		void aLinkTargetWithoutAReferenceIsNotRepeated() {
			assertThat(read("<a href=\"http://x.example/casino\">y</a>")).isEqualTo("y");
		}

		@Test
		void aQueryStringInALinkTargetIsNotReadAsReferences() {
			assertThat(read("<a href='?a=1&copy=2&amp;b'>y</a>")).isEqualTo("y" + SEPARATOR + "?a=1&copy=2&b");
		}

		@Test
		void otherAttributesAndEndTagAttributesAreNotText() {
			assertThat(read("<a title=\"c&#97;sino\">y</a href=\"c&#97;sino\">")).isEqualTo("y");
		}

		@Test
		void aLinkTargetInATagTheValueEndsInsideIsDropped() {
			assertThat(read("y<img src=\"c&#97;sino.png\"")).isEqualTo("y");
		}

	}

	@Nested
	class HostileInput {

		@ParameterizedTest
		@ValueSource(strings = { "<", "<a", "</", "<!--", "&#", "&a", "<a b='", "<![CDATA[", "<script>" })
		void aMegabyteOfOneMarkupOpenerRepeatedIsReadInOnePass(String opener) {
			String value = opener.repeat(1_000_000 / opener.length());

			String text = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(value));

			assertThat(text.length()).isLessThanOrEqualTo(value.length());
		}

		@Test
		void aMegabyteOfLessThanSignsIsTextAsWritten() {
			String value = "<".repeat(1_000_000);

			assertThat(read(value)).isEqualTo(value);
		}

	}

}
