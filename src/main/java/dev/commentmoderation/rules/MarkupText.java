package dev.commentmoderation.rules;

import java.util.Arrays;

import com.ibm.icu.lang.UScript;

import dev.commentmoderation.rules.MarkupReader.ReadThrough;

/**
 * The text a field is searched in for terms, with the code point of the value as received that each of its code
 * points came from: the value as written, then, when it has markup ({@code <} or {@code &}), the parts of the text
 * read through the markup ({@link MarkupReader}: tags and comments removed, references decoded, link targets) where
 * a hit may be found that the value as written does not hold. The parts are joined by U+0000, which no term
 * contains and which is no part of a word.
 * <p>
 * So {@code stuck <b>half</b>way}, {@code cas&#105;no} and {@code ca<!-- -->sino} read as "halfway" and
 * "casino", and a hit there maps back to the span of the value that holds it, markup included.
 * <p>
 * Which parts: the text read through markup is the value as written wherever it is a run of the value's chars
 * between two pieces of markup, and there it holds the same whole-word hits, except next to a place where markup
 * was removed or decoded (a joint). A hit that the value as written does not hold must cross a joint, so it holds
 * the two chars on either side as a pair that some term holds ({@link TermShape}), or lie within decoded chars. Only
 * around such joints is the read text searched: as many chars on each side as the longest term, then on to the next
 * char that is no part of a word in any script (so whole-word checks there see what they would see in the whole
 * text). Two kinds of joint are always searched around: where the value as written has a letter or digit next to
 * the joint ({@code &ampx} reads as "&amp;x"), and where letters of a script written without spaces meet (the
 * dictionary that finds word boundaries there reads the letters around them).
 */
final class MarkupText {

	static final char SEPARATOR = MarkupReader.SEPARATOR;

	private final String text;

	/** Code points of {@link #text} before this one map to themselves. */
	private final int identity;

	private final int[] origin;

	private final int[] originEnd;

	private MarkupText(String text, int identity, int[] origin, int[] originEnd) {
		this.text = text;
		this.identity = identity;
		this.origin = origin;
		this.originEnd = originEnd;
	}

	/** The text to search: the value as written, then the parts of what it reads as that need searching. */
	String text() {
		return this.text;
	}

	/** The code point of the value as received that code point {@code index} of {@link #text()} came from. */
	int originOf(int index) {
		return (index < this.identity) ? index : this.origin[index - this.identity];
	}

	/**
	 * The end (exclusive) of what code point {@code index} of {@link #text()} was read from, in code points of the
	 * value as received: past the whole character reference for a decoded character.
	 */
	int originEndOf(int index) {
		return (index < this.identity) ? index + 1 : this.originEnd[index - this.identity];
	}

	static MarkupText of(String value, TermShape terms) {
		if (value.indexOf('<') < 0 && value.indexOf('&') < 0) {
			return new MarkupText(value, Integer.MAX_VALUE, null, null);
		}
		ReadThrough read = MarkupReader.read(value);
		int[] windows = windows(value, read, terms);
		if (windows[0] == 0) {
			return new MarkupText(value, Integer.MAX_VALUE, null, null);
		}
		return build(value, read, windows);
	}

	/** The ranges of the read text to search: {@code [count, start1, end1, start2, end2...]}, in order. */
	private static int[] windows(String value, ReadThrough read, TermShape terms) {
		int[] windows = new int[9];
		int count = 0;
		int n = read.length();
		int p = 0;
		while (p < n) {
			boolean joint = (p == 0) ? read.synthetic()[0] : !read.continues(p);
			if (!joint) {
				p++;
				continue;
			}
			int q = p;
			while (q < n && read.synthetic()[q]) {
				q++;
			}
			if (needsSearch(value, read, p, q, terms)) {
				int start = extendLeft(read, p, terms.longest());
				int end = extendRight(read, q, terms.longest());
				if (count > 0 && start <= windows[2 * count]) {
					windows[2 * count] = Math.max(windows[2 * count], end);
				}
				else {
					if (2 * count + 3 > windows.length) {
						windows = Arrays.copyOf(windows, windows.length * 2);
					}
					count++;
					windows[2 * count - 1] = start;
					windows[2 * count] = end;
				}
			}
			p = q + 1;
		}
		windows[0] = count;
		return windows;
	}

	/**
	 * Whether a hit the value as written does not hold may touch the joint where the read text holds the decoded
	 * or inserted chars {@code [p, q)} (none where markup was only removed).
	 */
	private static boolean needsSearch(String value, ReadThrough read, int p, int q, TermShape terms) {
		char[] chars = read.chars();
		int n = read.length();
		if (p > 0 && !read.synthetic()[p - 1]) {
			int after = read.to()[p - 1];
			if (after < value.length() && Text.isWordChar(value.codePointAt(after))) {
				return true;
			}
		}
		if (q < n && !read.synthetic()[q]) {
			int before = read.from()[q];
			if (before > 0 && Text.isWordChar(value.codePointBefore(before))) {
				return true;
			}
		}
		if ((p > 0 && isUnspacedLetter(Character.codePointBefore(chars, p)))
				|| (q < n && isUnspacedLetter(Character.codePointAt(chars, q, n)))) {
			return true;
		}
		// the joint's folded context: two chars before it, its own, two after (whitespace runs as one space)
		StringBuilder own = new StringBuilder();
		int ownLetters = 0;
		for (int k = p; k < q;) {
			int cp = Character.codePointAt(chars, k, q);
			k += Character.charCount(cp);
			if (isUnspacedLetter(cp)) {
				return true;
			}
			String folded = TextNormalizer.fold(cp);
			for (int m = 0; m < folded.length(); m++) {
				char c = folded.charAt(m);
				if (c != ' ') {
					ownLetters++;
					own.append(c);
				}
				else if (own.isEmpty() || own.charAt(own.length() - 1) != ' ') {
					own.append(c);
				}
			}
		}
		if (ownLetters > 0 && ownLetters >= terms.shortest()) {
			return true; // a whole term may be decoded chars only
		}
		char[] before = new char[2];
		int nBefore = foldedBefore(chars, p, before);
		char[] after = new char[2];
		int nAfter = foldedAfter(chars, q, n, after);
		char[] t = new char[nBefore + own.length() + nAfter];
		for (int k = 0; k < nBefore; k++) {
			t[k] = before[nBefore - 1 - k];
		}
		own.getChars(0, own.length(), t, nBefore);
		for (int k = 0; k < nAfter; k++) {
			t[nBefore + own.length() + k] = after[k];
		}
		return crosses(t, nBefore, terms) || (own.length() > 0 && crosses(t, nBefore + own.length(), terms));
	}

	/** Whether a term may hold the chars of {@code t} on both sides of {@code u}. */
	private static boolean crosses(char[] t, int u, TermShape terms) {
		if (u == 0 || u >= t.length) {
			return false;
		}
		char a = t[u - 1];
		char b = t[u];
		if (a != ' ' || b != ' ') {
			return terms.hasPair(a, b);
		}
		// two spaces read as one: a term across it holds the chars on both sides of that space
		int left = u - 1;
		while (left >= 0 && t[left] == ' ') {
			left--;
		}
		int right = u;
		while (right < t.length && t[right] == ' ') {
			right++;
		}
		return left >= 0 && right < t.length && terms.hasPair(t[left], ' ') && terms.hasPair(' ', t[right]);
	}

	/** Up to two folded chars before {@code p}, nearest first, whitespace runs as one space. */
	private static int foldedBefore(char[] chars, int p, char[] into) {
		int count = 0;
		int k = p;
		while (k > 0 && count < into.length) {
			int cp = Character.codePointBefore(chars, k);
			k -= Character.charCount(cp);
			String folded = TextNormalizer.fold(cp);
			for (int m = folded.length() - 1; m >= 0 && count < into.length; m--) {
				char c = folded.charAt(m);
				if (c != ' ' || count == 0 || into[count - 1] != ' ') {
					into[count++] = c;
				}
			}
		}
		return count;
	}

	/** Up to two folded chars from {@code q}, nearest first, whitespace runs as one space. */
	private static int foldedAfter(char[] chars, int q, int n, char[] into) {
		int count = 0;
		int k = q;
		while (k < n && count < into.length) {
			int cp = Character.codePointAt(chars, k, n);
			k += Character.charCount(cp);
			String folded = TextNormalizer.fold(cp);
			for (int m = 0; m < folded.length() && count < into.length; m++) {
				char c = folded.charAt(m);
				if (c != ' ' || count == 0 || into[count - 1] != ' ') {
					into[count++] = c;
				}
			}
		}
		return count;
	}

	/** Back from {@code p} over {@code longest} folded chars, then on to just after a char that ends words. */
	private static int extendLeft(ReadThrough read, int p, int longest) {
		char[] chars = read.chars();
		int k = p;
		int count = 0;
		boolean space = false;
		while (k > 0 && count < longest) {
			int cp = Character.codePointBefore(chars, k);
			k -= Character.charCount(cp);
			String folded = TextNormalizer.fold(cp);
			if (folded.equals(" ")) {
				count += space ? 0 : 1;
				space = true;
			}
			else if (!folded.isEmpty()) {
				count += folded.length();
				space = false;
			}
		}
		while (k > 0) {
			int cp = Character.codePointBefore(chars, k);
			if (endsWords(cp)) {
				break;
			}
			k -= Character.charCount(cp);
		}
		return k;
	}

	/** On from {@code q} over {@code longest} folded chars, then up to a char that ends words. */
	private static int extendRight(ReadThrough read, int q, int longest) {
		char[] chars = read.chars();
		int n = read.length();
		int k = q;
		int count = 0;
		boolean space = false;
		while (k < n && count < longest) {
			int cp = Character.codePointAt(chars, k, n);
			k += Character.charCount(cp);
			String folded = TextNormalizer.fold(cp);
			if (folded.equals(" ")) {
				count += space ? 0 : 1;
				space = true;
			}
			else if (!folded.isEmpty()) {
				count += folded.length();
				space = false;
			}
		}
		while (k < n) {
			int cp = Character.codePointAt(chars, k, n);
			if (endsWords(cp)) {
				break;
			}
			k += Character.charCount(cp);
		}
		return k;
	}

	/**
	 * A char that is no part of a word, is not skipped as invisible and belongs to no script's run of letters: cut
	 * there, a part searched alone gives every hit in it the neighbours and dictionary context it has in the whole.
	 */
	private static boolean endsWords(int cp) {
		if (cp < 0x80) {
			return !Character.isLetterOrDigit(cp);
		}
		if (Text.isWordChar(cp) || Text.isIgnorable(cp)) {
			return false;
		}
		int script = UScript.getScript(cp);
		return script == UScript.COMMON || script == UScript.INHERITED || script == UScript.UNKNOWN;
	}

	private static boolean isUnspacedLetter(int cp) {
		return cp >= 0x80 && WordBoundaries.isUnspacedLetter(cp);
	}

	private static MarkupText build(String value, ReadThrough read, int[] windows) {
		int count = windows[0];
		int total = 0;
		for (int w = 1; w <= count; w++) {
			total += windows[2 * w] - windows[2 * w - 1] + 1;
		}
		int identity = value.codePointCount(0, value.length());
		int[] codePointAt = (identity == value.length()) ? null : codePointIndex(value);
		StringBuilder text = new StringBuilder(value.length() + total);
		text.append(value);
		int[] origin = new int[total];
		int[] originEnd = new int[total];
		int o = 0;
		char[] chars = read.chars();
		for (int w = 1; w <= count; w++) {
			int start = windows[2 * w - 1];
			int end = windows[2 * w];
			int at = index(codePointAt, read.from()[Math.min(start, read.length() - 1)]);
			text.append(SEPARATOR);
			origin[o] = at;
			originEnd[o++] = at + 1;
			for (int k = start; k < end;) {
				int cp = Character.codePointAt(chars, k, end);
				int next = k + Character.charCount(cp);
				text.appendCodePoint(cp);
				int first = index(codePointAt, read.from()[k]);
				origin[o] = first;
				originEnd[o++] = Math.max(index(codePointAt, read.to()[next - 1]), first + 1);
				k = next;
			}
		}
		return new MarkupText(text.toString(), identity, origin, originEnd);
	}

	private static int index(int[] codePointAt, int charIndex) {
		return (codePointAt == null) ? charIndex : codePointAt[charIndex];
	}

	/** UTF-16 index in the value to the index of its code point (the index just past the value included). */
	private static int[] codePointIndex(String value) {
		int[] index = new int[value.length() + 1];
		int cp = 0;
		for (int i = 0; i < value.length(); i++) {
			index[i] = cp;
			if (!Character.isHighSurrogate(value.charAt(i)) || i + 1 >= value.length()
					|| !Character.isLowSurrogate(value.charAt(i + 1))) {
				cp++;
			}
		}
		index[value.length()] = cp;
		return index;
	}

}
