package dev.commentmoderation.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evasion variants give the same content tokens, and so the same score, as their plain form. Seeded randomized
 * parameterized tests, as TermMatcherPropertiesTest: each seed is one reproducible generated case.
 */
class EvasionPropertiesTest {

	private static final long BASE_SEED = 0xC1A5_51F1L;

	private static final int CASES = 200;

	/** Cyrillic and Greek letters whose UTS #39 skeleton is the Latin letter. */
	private static final Map<Character, Integer> LOOK_ALIKES = Map.of('a', 0x0430, 'c', 0x0441, 'e', 0x0435, 'o',
			0x043E, 'p', 0x0440, 'x', 0x0445, 'y', 0x0443, 'i', 0x0456, 's', 0x0455);

	private static final Map<Character, Character> LEET = Map.of('o', '0', 'i', '1', 'e', '3', 'a', '4', 's', '5',
			't', '7');

	private static final int[] INVISIBLES = { 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD };

	private static final ClassifierSettings SETTINGS = ClassifierSettings.DEFAULTS.withMinLabels(1, 1);

	private static final InMemoryModel MODEL = TestComments.trained(30, 30);

	static LongStream seeds() {
		return LongStream.range(0, CASES).map(i -> BASE_SEED + i);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aDisguisedCommentHasTheTokensOfItsPlainForm(long seed) {
		Random random = new Random(seed);
		String plain = plainText(random);
		String disguised = disguise(plain, random);

		assertThat(Features.of(TestComments.content("c", disguised)).texts()).as("%s disguised as %s", plain,
				escape(disguised))
			.isEqualTo(Features.of(TestComments.content("c", plain)).texts());
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aDisguisedCommentScoresAsItsPlainForm(long seed) {
		Random random = new Random(seed);
		String plain = "win a free prize " + plainText(random);
		String disguised = disguise(plain, random);

		double plainScore = SpamClassifier
			.classify(Features.of(TestComments.content("c", plain)), MODEL, SETTINGS)
			.probability();
		double disguisedScore = SpamClassifier
			.classify(Features.of(TestComments.content("c", disguised)), MODEL, SETTINGS)
			.probability();

		assertThat(disguisedScore).as("%s disguised as %s", plain, escape(disguised)).isEqualTo(plainScore);
	}

	/** Lower-case Latin words without digits, one space apart. */
	private static String plainText(Random random) {
		StringBuilder text = new StringBuilder();
		int words = 1 + random.nextInt(8);
		for (int w = 0; w < words; w++) {
			if (w > 0) {
				text.append(' ');
			}
			int length = 2 + random.nextInt(8);
			for (int i = 0; i < length; i++) {
				text.append((char) ('a' + random.nextInt(26)));
			}
		}
		return text.toString();
	}

	/**
	 * Each letter at random: kept, upper-cased, full-width, a look-alike, a digit stand-in (not as a word's first
	 * letter, where "4" alone would be a number), followed by an invisible character; spaces become runs of
	 * whitespace.
	 */
	private static String disguise(String plain, Random random) {
		StringBuilder out = new StringBuilder();
		boolean wordStart = true;
		for (char c : plain.toCharArray()) {
			if (c == ' ') {
				out.append(random.nextBoolean() ? " " : random.nextBoolean() ? "\u00A0 " : "\n");
				wordStart = true;
				continue;
			}
			switch (random.nextInt(5)) {
				case 1 -> out.append(Character.toUpperCase(c));
				case 2 -> out.appendCodePoint(0xFF41 + (c - 'a'));
				case 3 -> {
					Integer lookAlike = LOOK_ALIKES.get(c);
					if (lookAlike != null) {
						out.appendCodePoint(lookAlike);
					}
					else {
						out.append(c);
					}
				}
				case 4 -> out.append((!wordStart && LEET.containsKey(c)) ? LEET.get(c) : c);
				default -> out.append(c);
			}
			if (random.nextInt(4) == 0) {
				out.appendCodePoint(INVISIBLES[random.nextInt(INVISIBLES.length)]);
			}
			wordStart = false;
		}
		return out.toString();
	}

	private static String escape(String text) {
		StringBuilder b = new StringBuilder();
		text.codePoints().forEach(cp -> {
			if (cp < 0x80 && cp >= 0x20) {
				b.appendCodePoint(cp);
			}
			else {
				b.append(String.format("\\u{%X}", cp));
			}
		});
		return b.toString();
	}

}
