package dev.commentmoderation.rules;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What a hit of any configured term can span, in normalized chars: the longest and the shortest term, and every
 * pair of chars that stand next to each other in some term. A hit across a place where markup was removed holds
 * the two chars on either side of it as such a pair; where no term holds that pair, no hit crosses there, and
 * {@link MarkupText} need not search the text read through markup around it. Immutable.
 */
final class TermShape {

	private final int longest;

	private final int shortest;

	/** pairs of ASCII chars: bit (first * 128 + second) */
	private final long[] asciiPairs = new long[128 * 128 / 64];

	private final Set<Integer> otherPairs = new HashSet<>();

	private final boolean unspaced;

	/** {@code normalizedTerms}: terms as {@link TextNormalizer#normalizeTerm} returns them, none empty. */
	TermShape(Collection<String> normalizedTerms) {
		int max = 0;
		int min = Integer.MAX_VALUE;
		boolean anyUnspaced = false;
		for (String term : normalizedTerms) {
			anyUnspaced |= term.codePoints().anyMatch(WordBoundaries::isUnspacedLetter);
			max = Math.max(max, term.length());
			min = Math.min(min, term.length());
			for (int i = 1; i < term.length(); i++) {
				char a = term.charAt(i - 1);
				char b = term.charAt(i);
				if (a < 128 && b < 128) {
					this.asciiPairs[(a * 128 + b) >>> 6] |= 1L << ((a * 128 + b) & 63);
				}
				else {
					this.otherPairs.add((a << 16) | b);
				}
			}
		}
		this.unspaced = anyUnspaced;
		this.longest = max;
		this.shortest = (min == Integer.MAX_VALUE) ? 0 : min;
	}

	/** The length of the longest normalized term. */
	int longest() {
		return this.longest;
	}

	/** The length of the shortest normalized term. */
	int shortest() {
		return this.shortest;
	}

	/**
	 * Whether some term holds a letter of a script written without spaces (Han, kana, Thai...): only a hit with
	 * such a letter at an edge has its word boundary found by a dictionary that reads the letters around it.
	 */
	boolean hasUnspacedLetters() {
		return this.unspaced;
	}

	/** Whether some term holds {@code a} immediately followed by {@code b}. */
	boolean hasPair(char a, char b) {
		if (a < 128 && b < 128) {
			return (this.asciiPairs[(a * 128 + b) >>> 6] & (1L << ((a * 128 + b) & 63))) != 0;
		}
		return this.otherPairs.contains((a << 16) | b);
	}

}
