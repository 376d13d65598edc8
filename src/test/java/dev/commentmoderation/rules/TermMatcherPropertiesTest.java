package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests for evasion-proof whole-word matching, as seeded randomized parameterized tests: each seed
 * is one reproducible generated case (rerun one with its seed from the test name).
 */
class TermMatcherPropertiesTest {

	private static final long BASE_SEED = 0x5EED_C0DEL;

	private static final int CASES = 250;

	/** Cyrillic and Greek letters whose UTS #39 skeleton is the Latin letter. */
	private static final Map<Character, int[]> LOOK_ALIKES = Map.of('a', new int[] { 0x0430 }, 'c',
			new int[] { 0x0441 }, 'e', new int[] { 0x0435 }, 'o', new int[] { 0x043E, 0x03BF }, 'p',
			new int[] { 0x0440 }, 'x', new int[] { 0x0445 }, 'y', new int[] { 0x0443 }, 'i', new int[] { 0x0456 },
			's', new int[] { 0x0455 }, 'v', new int[] { 0x03BD });

	private static final int[] INVISIBLES = { 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0xFE0F };

	private static final int[] ACCENTS = { 0x0300, 0x0301, 0x0302, 0x0303, 0x0308, 0x030C };

	private static final String[] SEPARATORS = { " ", ", ", ". ", "\n", " \uD83D\uDE00 ", " (", "\u00A0", "! " };

	static LongStream seeds() {
		return LongStream.range(0, CASES).map(i -> BASE_SEED + i);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void disguisedTermStillMatchesWithOffsetsCoveringTheDisguisedWord(long seed) {
		Random random = new Random(seed);
		String term = latinWord(random, 3, 8);
		String disguised = disguise(term, random);
		StringBuilder text = new StringBuilder(surroundingWords(random));
		text.append(separator(random));
		int start = text.codePointCount(0, text.length());
		text.append(disguised);
		int end = text.codePointCount(0, text.length());
		text.append(separator(random)).append(surroundingWords(random));

		List<Match> matches = new TermMatcher(List.of(term)).find(text.toString());

		assertThat(matches).as("term %s disguised as %s in %s", term, escape(disguised), escape(text.toString()))
			.containsExactly(Match.ofTerm(term, start, end));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void termEmbeddedInALongerWordNeverMatches(long seed) {
		Random random = new Random(seed);
		String term = latinWord(random, 3, 8);
		int side = random.nextInt(3); // 0: before, 1: after, 2: both
		String before = side != 1 ? wordChars(random) : "";
		String after = side != 0 ? wordChars(random) : "";
		String word = before + (random.nextBoolean() ? disguise(term, random) : term) + after;
		String text = surroundingWords(random) + separator(random) + word + separator(random)
				+ surroundingWords(random);

		assertThat(new TermMatcher(List.of(term)).find(text)).as("term %s in %s", term, escape(text)).isEmpty();
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

	/** One to three letters, digits or a letter with an accent, glued to the term. */
	private static String wordChars(Random random) {
		StringBuilder b = new StringBuilder();
		int n = 1 + random.nextInt(3);
		for (int i = 0; i < n; i++) {
			switch (random.nextInt(4)) {
				case 0 -> b.append((char) ('0' + random.nextInt(10)));
				case 1 -> b.appendCodePoint(0x0430 + random.nextInt(32)); // Cyrillic letter
				default -> b.append((char) ('a' + random.nextInt(26)));
			}
		}
		return b.toString();
	}

	/** Applies a random mix of case changes, fullwidth forms, look-alikes, accents and invisibles per letter. */
	static String disguise(String term, Random random) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < term.length(); i++) {
			char letter = term.charAt(i);
			boolean upper = random.nextInt(3) == 0;
			int[] lookAlikes = LOOK_ALIKES.get(letter);
			int form = random.nextInt(3);
			if (form == 1) {
				b.appendCodePoint((upper ? 0xFF21 : 0xFF41) + (letter - 'a')); // fullwidth
			}
			else if (form == 2 && lookAlikes != null) {
				b.appendCodePoint(lookAlikes[random.nextInt(lookAlikes.length)]);
			}
			else {
				b.append(upper ? Character.toUpperCase(letter) : letter);
			}
			if (random.nextInt(3) == 0) {
				b.appendCodePoint(ACCENTS[random.nextInt(ACCENTS.length)]);
			}
			if (i < term.length() - 1 && random.nextInt(3) == 0) {
				b.appendCodePoint(INVISIBLES[random.nextInt(INVISIBLES.length)]);
			}
		}
		return b.toString();
	}

	private static String escape(String value) {
		StringBuilder b = new StringBuilder();
		value.codePoints()
			.forEach(cp -> b.append(cp >= 0x20 && cp < 0x7F ? String.valueOf((char) cp) : String.format("\\u{%X}", cp)));
		return b.toString();
	}

}
