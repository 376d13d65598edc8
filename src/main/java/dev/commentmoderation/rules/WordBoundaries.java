package dev.commentmoderation.rules;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Whether a hit starts or ends a word, in every script. Between a letter or digit of the hit and the letter or
 * digit next to it outside the hit, there is a word boundary when:
 * <ul>
 * <li>the two are written in different scripts and one of them is a script written without spaces between words
 * (Han and kana, Thai, Lao, Khmer, Myanmar) or Hangul: {@code casinoออนไลน์} holds "casino";</li>
 * <li>both are in one script written without spaces and ICU's dictionary-based word break iterator puts a
 * boundary between them: {@code 欢迎来到赌场玩游戏} holds "赌场";</li>
 * <li>the hit ends in Hangul and Hangul follows: Korean attaches particles and endings to the word
 * ({@code 카지노에서}), so a Korean term matches at the start of a word, whatever follows it.</li>
 * </ul>
 * Otherwise two letters or digits side by side are one word, so "ass" never hits "assessment", nor Cyrillic
 * look-alike letters mixed into a Latin word. Thread-safe.
 */
final class WordBoundaries {

	/** The longest run of letters on each side of a boundary the word break iterator is given. */
	private static final int CONTEXT = 48;

	private static final BreakIterator WORDS = BreakIterator.getWordInstance(ULocale.ROOT);

	private WordBoundaries() {
	}

	/**
	 * Whether there is a word boundary between code point {@code inside} (the hit's edge) and {@code outside}
	 * (its neighbour), both letters, digits or marks; {@code cps} and {@code boundary} (the index of the later of
	 * the two) locate them for the word break iterator.
	 */
	static boolean between(int[] cps, int boundary, int inside, int outside, boolean atEnd) {
		int insideScript = script(inside);
		int outsideScript = script(outside);
		if (insideScript == UScript.COMMON || outsideScript == UScript.COMMON) {
			return false;
		}
		if (insideScript != outsideScript) {
			return isUnspaced(insideScript) || isUnspaced(outsideScript) || insideScript == UScript.HANGUL
					|| outsideScript == UScript.HANGUL;
		}
		if (insideScript == UScript.HANGUL) {
			return atEnd;
		}
		return isUnspaced(insideScript) && dictionaryBoundary(cps, boundary, insideScript);
	}

	/** Whether {@code cp} is a letter or digit of a script written without spaces between words. */
	static boolean isUnspacedLetter(int cp) {
		return Text.isWordChar(cp) && isUnspaced(script(cp));
	}

	/** The script of a letter or digit; Han, Hiragana and Katakana count as one (Japanese mixes them). */
	private static int script(int cp) {
		int script = UScript.getScript(cp);
		return switch (script) {
			case UScript.HIRAGANA, UScript.KATAKANA, UScript.KATAKANA_OR_HIRAGANA -> UScript.HAN;
			case UScript.INHERITED, UScript.UNKNOWN -> UScript.COMMON;
			default -> script;
		};
	}

	private static boolean isUnspaced(int script) {
		return switch (script) {
			case UScript.HAN, UScript.THAI, UScript.LAO, UScript.KHMER, UScript.MYANMAR -> true;
			default -> false;
		};
	}

	/** Whether the word break iterator, given the run of letters of this script around it, breaks there. */
	private static boolean dictionaryBoundary(int[] cps, int boundary, int script) {
		int from = boundary;
		while (from > 0 && boundary - from < CONTEXT && script(cps[from - 1]) == script) {
			from--;
		}
		int to = boundary;
		while (to < cps.length && to - boundary < CONTEXT && script(cps[to]) == script) {
			to++;
		}
		String run = new String(cps, from, to - from);
		int at = run.offsetByCodePoints(0, boundary - from);
		BreakIterator words = (BreakIterator) WORDS.clone();
		words.setText(run);
		return words.isBoundary(at);
	}

}
