package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13: the content is folded once per comment, for the term lists, the fingerprint and the features. */
class NormalizedContentTest {

	/** Contents that fold in every way there is: case, accents, look-alikes, invisibles, whitespace, markup. */
	private static final String[] CONTENTS = { "I agree with this.", "  CáSíÑò\u200B  wins\t\n big  ",
			"Cyrillic саsinо and ﬁne ligatures", "stuck <b>half</b>way and cas&#105;no", "ca<!-- -->sino <a href=\"http://x.example/spam/\">x</a>",
			"😀 emoji \uD83D\uDE00 and 赌场 text", "trailing half pair \uD83D", "", " " };

	private static Comment comment(String content, String parentId) {
		return new Comment("c-1", "p-1", "s-1", parentId, new Author("Jane", "jane@example.org", null, null, null),
				content, null, null, null);
	}

	@Nested
	class TheFingerprint {

		@ParameterizedTest
		@ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7, 8 })
		void isTheOneComputedBeforeTheContentWasShared(int which) throws Exception {
			for (String parent : new String[] { null, "c-9" }) {
				Comment comment = comment(CONTENTS[which], parent);
				NormalizedContent content = NormalizedContent.of(comment);

				assertThat(Authors.fingerprint("jane@example.org", comment, content))
					.isEqualTo(storedFingerprint("jane@example.org", comment));
			}
		}

		@Test
		void ofACommentWithoutContentIsTheOneComputedBefore() throws Exception {
			Comment comment = comment(null, null);

			assertThat(Authors.fingerprint("jane@example.org", comment, NormalizedContent.of(comment)))
				.isEqualTo(storedFingerprint("jane@example.org", comment));
		}

		/** The computation fingerprints were stored with: each part length-prefixed, the content folded afresh. */
		private static String storedFingerprint(String author, Comment comment) throws Exception {
			String content = (comment.content() == null) ? "" : TextNormalizer.normalizeTerm(comment.content());
			List<String> parts = (comment.parentId() == null) ? List.of(author, comment.postId(), content)
					: List.of(author, comment.postId(), content, comment.parentId());
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
				digest.update(bytes);
			}
			return HexFormat.of().formatHex(digest.digest());
		}

	}

	@Nested
	class Folding {

		@ParameterizedTest
		@ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7, 8 })
		void theContentFollowedByWhatMarkupReadsAsIsFoldedAsAfresh(int which) {
			String text = CONTENTS[which];
			NormalizedContent content = NormalizedContent.of(comment(text, null));
			String searched = text + MarkupText.SEPARATOR + "  half way  \u0301" + MarkupText.SEPARATOR + "\uDE00x";

			assertFoldedAlike(content.normalize(searched), TextNormalizer.normalize(searched));
		}

		@ParameterizedTest
		@ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7, 8 })
		void theContentItselfIsFoldedAsAfresh(int which) {
			String text = CONTENTS[which];

			assertFoldedAlike(NormalizedContent.of(comment(text, null)).normalize(text), TextNormalizer.normalize(text));
		}

		@Test
		void anotherValueOrTheContentCutShortIsFoldedAsAfresh() {
			NormalizedContent content = NormalizedContent.of(comment("Ｆｒｅｅ ＣＡＳＩＮＯ money", null));

			assertFoldedAlike(content.normalize("Ｆｒｅｅ ＣＡＳ"), TextNormalizer.normalize("Ｆｒｅｅ ＣＡＳ"));
			assertFoldedAlike(content.normalize("Jane Ｄｏｅ"), TextNormalizer.normalize("Jane Ｄｏｅ"));
		}

		@Test
		void aContentEndingInHalfASurrogatePairIsNotContinuedAcrossIt() {
			String text = "emoji \uD83D";
			String searched = text + "\uDE00";

			assertFoldedAlike(NormalizedContent.of(comment(text, null)).normalize(searched),
					TextNormalizer.normalize(searched));
		}

		@Test
		void happensOnceHoweverOftenTheContentIsAskedFor() {
			String text = "Ｆｒｅｅ ＣＡＳＩＮＯ money";
			NormalizedContent content = NormalizedContent.of(comment(text, null));

			assertThat(content.normalize(text)).isSameAs(content.normalize(text));
		}

		private static void assertFoldedAlike(NormalizedText actual, NormalizedText expected) {
			assertThat(actual.normalized()).isEqualTo(expected.normalized());
			assertThat(actual.originalCodePoints()).isEqualTo(expected.originalCodePoints());
			for (int i = 0; i < expected.normalized().length(); i++) {
				assertThat(actual.originOf(i)).as("origin of char %d", i).isEqualTo(expected.originOf(i));
				for (int j = i + 1; j <= expected.normalized().length(); j++) {
					assertThat(actual.isAligned(i, j)).isEqualTo(expected.isAligned(i, j));
				}
			}
		}

	}

	@Nested
	class TheTermLists {

		@ParameterizedTest
		@ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7, 8 })
		void findWhatTheyFindInTheContentFoldedAfresh(int which) {
			String text = CONTENTS[which] + " casino cásínó саsinо ca<i>sino</i> half<b>way</b> wins 赌场";
			NormalizedContent content = NormalizedContent.of(comment(text, null));
			TermMatcher matcher = new TermMatcher(List.of("casino", "halfway", "wins", "赌场", "agree", "/spam/"));

			assertThat(matcher.find(text, content)).isEqualTo(matcher.find(text)).isNotEmpty();
		}

	}

}
