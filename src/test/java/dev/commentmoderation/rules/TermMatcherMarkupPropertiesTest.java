package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests, as seeded randomized parameterized tests (the convention of {@link TermMatcherPropertiesTest}:
 * each seed is one reproducible case): random inline tags, entities and comments inserted into a blocked term
 * still match, with offsets that point into the content as received; inserted into a longer word, they never
 * make it match.
 */
class TermMatcherMarkupPropertiesTest {

	private static final long BASE_SEED = 0x4D4B_5550L;

	private static final int CASES = 300;

	private static final String[] INLINE_TAGS = { "b", "i", "em", "strong", "span", "u", "code", "a", "small" };

	private static final String[] SEPARATORS = { " ", ", ", ". ", "\n", "<br>", "<p>", "</p><p>", " <b>x</b> ",
			"&nbsp;", " &amp; " };

	static LongStream seeds() {
		return LongStream.range(0, CASES).map(i -> BASE_SEED + i);
	}

	/** A term written with markup, and where its first and last letters are in the written form. */
	private record Written(String text, int firstLetter, int afterLastLetter) {
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aTermSplitByTagsEntitiesAndCommentsStillMatchesWhereItIsWritten(long seed) {
		Random random = new Random(seed);
		String term = latinWord(random, 3, 8);
		StringBuilder text = new StringBuilder(surroundingWords(random)).append(separator(random));
		int offset = text.codePointCount(0, text.length());
		Written written = withMarkup(term, random, false);
		text.append(written.text()).append(separator(random)).append(surroundingWords(random));

		List<Match> matches = new TermMatcher(List.of(term)).find(text.toString());

		assertThat(matches).as("term %s written as %s in %s", term, written.text(), text)
			.containsExactly(Match.ofTerm(term, offset + written.firstLetter(), offset + written.afterLastLetter()));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void markupInsideALongerWordNeverMakesTheTermMatch(long seed) {
		Random random = new Random(seed);
		String term = latinWord(random, 3, 8);
		String before = random.nextBoolean() ? latinWord(random, 1, 3) : "";
		String after = before.isEmpty() || random.nextBoolean() ? latinWord(random, 1, 3) : "";
		// where the term meets the rest of the word, letters touch: markup there would end a word as written
		String word = withMarkup(before, random, true).text() + withMarkup(term, random, true).text()
				+ withMarkup(after, random, true).text();
		String text = surroundingWords(random) + separator(random) + word + separator(random)
				+ surroundingWords(random);

		assertThat(new TermMatcher(List.of(term)).find(text)).as("term %s in %s", term, text).isEmpty();
	}

	private static final String[] MARKUP = { "<b>", "</b>", "<i>", "</i>", "<br>", "<p>", "</p>", "<!-- x -->",
			"<span title=\"ab a\">", "&amp;", "&nbsp;", " ", "<a href=\"/b&#97;\">", "</a>" };

	/**
	 * The term check searches the text read through markup only around joints some term can cross; it finds the
	 * same terms as searching the value as written and the whole read text, each on its own. Dense text over a
	 * small alphabet ("a", "b", spaces), with terms cut from it, makes hits and near misses at joints common.
	 */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void searchingAroundJointsFindsTheTermsThatSearchingTheWholeReadTextFinds(long seed) {
		Random random = new Random(seed);
		StringBuilder plain = new StringBuilder();
		int length = 20 + random.nextInt(40);
		for (int i = 0; i < length; i++) {
			plain.append("aab ".charAt(random.nextInt(4)));
		}
		List<String> terms = new ArrayList<>();
		for (int k = 0; k < 4; k++) {
			int from = random.nextInt(plain.length() - 6);
			terms.add(plain.substring(from, from + 2 + random.nextInt(5)));
		}
		StringBuilder value = new StringBuilder();
		for (int i = 0; i < plain.length(); i++) {
			if (random.nextInt(3) == 0) {
				value.append(MARKUP[random.nextInt(MARKUP.length)]);
			}
			char c = plain.charAt(i);
			value.append((c == 'a' && random.nextInt(4) == 0) ? "&#97;" : String.valueOf(c));
		}
		TermMatcher matcher = new TermMatcher(terms);
		MarkupReader.ReadThrough through = MarkupReader.read(value.toString());
		String read = new String(through.chars(), 0, through.length());

		Set<String> expected = new TreeSet<>();
		// with "<" and "&" replaced by U+0000 (like them, no part of a word) neither is read through markup again
		matcher.find(withoutMarkup(value.toString())).forEach(m -> expected.add(m.term()));
		matcher.find(withoutMarkup(read)).forEach(m -> expected.add(m.term()));
		Set<String> found = new TreeSet<>();
		matcher.find(value.toString()).forEach(m -> found.add(m.term()));

		assertThat(found).as("terms %s in %s (read as %s)", terms, value, read).isEqualTo(expected);
	}

	private static String withoutMarkup(String text) {
		return text.replace('<', '\u0000').replace('&', '\u0000');
	}

	/**
	 * Each letter as itself or as a numeric character reference (the first and last as themselves when
	 * {@code plainEdges}); between letters, maybe tags or a comment.
	 */
	private static Written withMarkup(String word, Random random, boolean plainEdges) {
		StringBuilder b = new StringBuilder();
		int first = -1;
		int afterLast = -1;
		String open = null;
		for (int i = 0; i < word.length(); i++) {
			if (i > 0) {
				switch (random.nextInt(6)) {
					case 0 -> b.append("<!--").append(random.nextBoolean() ? " " : latinWord(random, 1, 4)).append("-->");
					case 1 -> {
						if (open == null) {
							open = INLINE_TAGS[random.nextInt(INLINE_TAGS.length)];
							b.append('<').append(open).append(random.nextBoolean() ? "" : " class=\"k\"").append('>');
						}
						else {
							b.append("</").append(open).append('>');
							open = null;
						}
					}
					case 2 -> b.append("<").append(INLINE_TAGS[random.nextInt(INLINE_TAGS.length)]).append("></")
						.append(INLINE_TAGS[random.nextInt(INLINE_TAGS.length)]).append(">");
					default -> {
					}
				}
			}
			if (i == 0) {
				first = b.codePointCount(0, b.length());
			}
			char letter = word.charAt(i);
			boolean edge = i == 0 || i == word.length() - 1;
			switch ((plainEdges && edge) ? 3 : random.nextInt(4)) {
				case 0 -> b.append("&#").append((int) letter).append(';');
				case 1 -> b.append("&#x").append(Integer.toHexString(letter)).append(';');
				default -> b.append(letter);
			}
			afterLast = b.codePointCount(0, b.length());
		}
		if (open != null) {
			// closed before the last letter when that must touch what follows
			if (plainEdges) {
				int last = b.length() - 1;
				b.insert(last, "</" + open + ">");
			}
			else {
				b.append("</").append(open).append('>');
			}
		}
		return new Written(b.toString(), first, afterLast);
	}

	private static String latinWord(Random random, int min, int max) {
		int length = min + random.nextInt(max - min + 1);
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < length; i++) {
			b.append((char) ('a' + random.nextInt(26)));
		}
		return b.toString();
	}

	/** Words of 9 to 12 letters, so none can be the 3-to-8-letter term as a whole word. */
	private static String surroundingWords(Random random) {
		StringBuilder b = new StringBuilder();
		int words = random.nextInt(4);
		for (int i = 0; i < words; i++) {
			if (i > 0) {
				b.append(' ');
			}
			b.append(latinWord(random, 9, 12));
		}
		return b.toString();
	}

	private static String separator(Random random) {
		return SEPARATORS[random.nextInt(SEPARATORS.length)];
	}

}
