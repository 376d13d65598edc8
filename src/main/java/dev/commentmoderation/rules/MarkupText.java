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
 * the joint ({@code &ampx} reads as "&amp;x"), and, when some term holds letters of a script written without
 * spaces, where such letters meet the joint (the dictionary that finds word boundaries there reads the letters
 * around them).
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
		Windows windows = new Windows();
		boolean[] synthetic = read.runSynthetic();
		int runs = read.runs();
		for (int r = 0; r < runs;) {
			if (synthetic[r]) {
				int e = r;
				while (e < runs && synthetic[e]) {
					e++;
				}
				int p = read.runAt()[r];
				int q = (e < runs) ? read.runAt()[e] : read.length();
				if (needsSearch(value, read, r, e, terms)) {
					windows.add(extendLeft(read, p, terms.longest()), extendRight(read, q, terms.longest()));
				}
				r = e + 1;
			}
			else {
				if (r > 0) {
					int p = read.runAt()[r];
					if (needsSearch(value, read, r, r, terms)) {
						windows.add(extendLeft(read, p, terms.longest()), extendRight(read, p, terms.longest()));
					}
				}
				r++;
			}
		}
		return windows.ranges();
	}

	/** Ranges added in order, those that overlap or touch merged. */
	private static final class Windows {

		private int[] ranges = new int[9];

		private int count;

		void add(int start, int end) {
			if (this.count > 0 && start <= this.ranges[2 * this.count]) {
				this.ranges[2 * this.count] = Math.max(this.ranges[2 * this.count], end);
				return;
			}
			if (2 * this.count + 3 > this.ranges.length) {
				this.ranges = Arrays.copyOf(this.ranges, this.ranges.length * 2);
			}
			this.count++;
			this.ranges[2 * this.count - 1] = start;
			this.ranges[2 * this.count] = end;
		}

		int[] ranges() {
			this.ranges[0] = this.count;
			return this.ranges;
		}

	}

	/** The most decoded chars at one joint whose pairs are checked; past that the joint is searched around. */
	private static final int MAX_OWN = 16;

	/**
	 * Whether a hit the value as written does not hold may touch the joint before run {@code first}, where the read
	 * text holds the decoded or inserted chars of runs {@code [first, end)} (none where markup was only removed).
	 * The runs on either side, if any, are runs as written.
	 */
	private static boolean needsSearch(String value, ReadThrough read, int first, int end, TermShape terms) {
		char[] chars = read.chars();
		int n = read.length();
		int p = read.runAt()[first];
		int q = (end < read.runs()) ? read.runAt()[end] : n;
		// as written, a letter or digit next to where the read text continues: "&ampx", "&#105x"
		if (first > 0) {
			int after = read.runTo()[first - 1];
			if (after < value.length() && isWordChar(value.charAt(after), value, after)) {
				return true;
			}
		}
		if (end < read.runs()) {
			int before = read.runFrom()[end];
			if (before > 0 && isWordChar(value.charAt(before - 1), value, before - 1)) {
				return true;
			}
		}
		boolean unspaced = terms.hasUnspacedLetters();
		if (unspaced && ((p > 0 && isUnspacedLetter(Character.codePointBefore(chars, p)))
				|| (q < n && isUnspacedLetter(Character.codePointAt(chars, q, n))))) {
			return true;
		}
		// the common cases, in short: ASCII on both sides, markup removed or read as one ASCII char
		if (p > 0 && q < n && chars[p - 1] < 0x80 && chars[q] < 0x80 && q - p <= 1
				&& (p == q || (chars[p] < 0x80 && terms.shortest() > 1))) {
			char x = foldAscii(chars[p - 1]);
			char y = foldAscii(chars[q]);
			if (p == q && (x != ' ' || y != ' ')) {
				return terms.hasPair(x, y);
			}
			char own = (p == q) ? ' ' : foldAscii(chars[p]);
			if (x != ' ' && y != ' ') {
				return terms.hasPair(x, own) || terms.hasPair(own, y);
			}
		}
		// the joint's folded context: two chars before it, its own, two after (whitespace runs as one space)
		char[] t = new char[4 + MAX_OWN];
		int nBefore = foldedBefore(chars, p, t);
		int size = nBefore;
		int ownLetters = 0;
		for (int k = p; k < q;) {
			int cp = Character.codePointAt(chars, k, q);
			k += Character.charCount(cp);
			if (unspaced && isUnspacedLetter(cp)) {
				return true;
			}
			String folded = (cp < 0x80) ? null : TextNormalizer.fold(cp);
			int foldedLength = (folded == null) ? 1 : folded.length();
			for (int m = 0; m < foldedLength; m++) {
				char c = (folded == null) ? foldAscii(cp) : folded.charAt(m);
				if (size - nBefore == MAX_OWN) {
					return true;
				}
				if (c != ' ') {
					ownLetters++;
					t[size++] = c;
				}
				else if (size == nBefore || t[size - 1] != ' ') {
					t[size++] = c;
				}
			}
		}
		if (ownLetters > 0 && ownLetters >= terms.shortest()) {
			return true; // a whole term may be decoded chars only
		}
		int ownEnd = size;
		size += foldedAfter(chars, q, n, t, size);
		return crosses(t, size, nBefore, terms) || (ownEnd > nBefore && crosses(t, size, ownEnd, terms));
	}

	private static boolean isWordChar(char c, String value, int at) {
		if (c < 0x80) {
			return Character.isLetterOrDigit(c);
		}
		return Text.isWordChar(value.codePointAt(at));
	}

	/** Whether a term may hold the chars of {@code t[0, size)} on both sides of {@code u}. */
	private static boolean crosses(char[] t, int size, int u, TermShape terms) {
		if (u == 0 || u >= size) {
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
		while (right < size && t[right] == ' ') {
			right++;
		}
		return left >= 0 && right < size && terms.hasPair(t[left], ' ') && terms.hasPair(' ', t[right]);
	}

	/** Puts up to two folded chars before {@code p} in order at the start of {@code into}; returns how many. */
	private static int foldedBefore(char[] chars, int p, char[] into) {
		char[] reversed = new char[2];
		int count = 0;
		int k = p;
		while (k > 0 && count < 2) {
			int cp = Character.codePointBefore(chars, k);
			k -= Character.charCount(cp);
			String folded = (cp < 0x80) ? null : TextNormalizer.fold(cp);
			int foldedLength = (folded == null) ? 1 : folded.length();
			for (int m = foldedLength - 1; m >= 0 && count < 2; m--) {
				char c = (folded == null) ? foldAscii(cp) : folded.charAt(m);
				if (c != ' ' || count == 0 || reversed[count - 1] != ' ') {
					reversed[count++] = c;
				}
			}
		}
		for (int m = 0; m < count; m++) {
			into[m] = reversed[count - 1 - m];
		}
		return count;
	}

	/** Puts up to two folded chars from {@code q} at {@code into[at]}; returns how many. */
	private static int foldedAfter(char[] chars, int q, int n, char[] into, int at) {
		int count = 0;
		int k = q;
		while (k < n && count < 2) {
			int cp = Character.codePointAt(chars, k, n);
			k += Character.charCount(cp);
			String folded = (cp < 0x80) ? null : TextNormalizer.fold(cp);
			int foldedLength = (folded == null) ? 1 : folded.length();
			for (int m = 0; m < foldedLength && count < 2; m++) {
				char c = (folded == null) ? foldAscii(cp) : folded.charAt(m);
				if (c != ' ' || count == 0 || into[at + count - 1] != ' ') {
					into[at + count++] = c;
				}
			}
		}
		return count;
	}

	/** What {@link TextNormalizer#fold} gives for an ASCII char, without a string. */
	private static char foldAscii(int cp) {
		if (cp >= 'A' && cp <= 'Z') {
			return (char) (cp + ('a' - 'A'));
		}
		return Character.isWhitespace(cp) ? ' ' : (char) cp;
	}

	/** How many chars code point {@code cp} folds to, a whitespace run counting once. */
	private static int foldedLength(int cp, boolean afterSpace) {
		if (cp < 0x80) {
			return (Character.isWhitespace(cp) && afterSpace) ? 0 : 1;
		}
		String folded = TextNormalizer.fold(cp);
		return (folded.equals(" ") && afterSpace) ? 0 : folded.length();
	}

	private static boolean isSpace(int cp) {
		return (cp < 0x80) ? Character.isWhitespace(cp) : TextNormalizer.fold(cp).equals(" ");
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
			count += foldedLength(cp, space);
			space = isSpace(cp);
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
			count += foldedLength(cp, space);
			space = isSpace(cp);
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
		int[] runAt = read.runAt();
		for (int w = 1; w <= count; w++) {
			int start = windows[2 * w - 1];
			int end = windows[2 * w];
			int r = read.runOf(Math.min(start, read.length() - 1));
			int at = index(codePointAt, from(read, r, start));
			text.append(SEPARATOR);
			origin[o] = at;
			originEnd[o++] = at + 1;
			for (int k = start; k < end;) {
				int cp = Character.codePointAt(chars, k, end);
				int next = k + Character.charCount(cp);
				while (r + 1 < read.runs() && runAt[r + 1] <= k) {
					r++;
				}
				text.appendCodePoint(cp);
				int first = index(codePointAt, from(read, r, k));
				origin[o] = first;
				int last = from(read, r, next - 1) + 1;
				originEnd[o++] = Math.max(index(codePointAt, read.runSynthetic()[r] ? read.runTo()[r] : last),
						first + 1);
				k = next;
			}
		}
		return new MarkupText(text.toString(), identity, origin, originEnd);
	}

	/** The first char of the value that char {@code i}, in run {@code r}, was read from. */
	private static int from(ReadThrough read, int r, int i) {
		return read.runSynthetic()[r] ? read.runFrom()[r] : read.runFrom()[r] + i - read.runAt()[r];
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
