package dev.commentmoderation.rules;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jsoup.nodes.Entities;
import org.jsoup.parser.Tag;

/**
 * Reads a field's value the way an HTML5 tokenizer does, in one linear pass and without building a tree: tags,
 * comments, doctypes and processing instructions are removed, character references decoded, block elements and
 * {@code <br>} read as a line break (two paragraphs do not join into one word), the content of {@code script},
 * {@code style} and the other raw-text elements kept as text. After that text come the link targets
 * ({@code href}, {@code src}...) that hold a character reference, decoded, each after a U+0000: a link target
 * without one reads exactly as written, between its quotes.
 * <p>
 * The states followed are WHATWG's data, tag open, end tag open, tag name, attribute name and value (double-quoted,
 * single-quoted, unquoted), markup declaration (comment, doctype, CDATA) and bogus comment, plus the raw-text and
 * RCDATA states the tree builder switches to after {@code <script>}, {@code <title>}... Where the tree builder would
 * move or drop text (foster parenting, text before {@code <html>}), the text stays where it is written. A CDATA
 * section reads as its content, as jsoup reads it. Named references are jsoup's ({@link Entities}), decoded as
 * WHATWG says: legacy names without a semicolon in text, not in an attribute value when a letter, digit or
 * {@code =} follows.
 * <p>
 * Every char of the result keeps the range of the value it was read from: a char to itself, a decoded reference
 * to the whole reference, a line break to the first char of its tag. Not thread-safe: one instance per value.
 */
final class MarkupReader {

	/** Attributes whose value is a link target (or a list of them): text a spammer controls and readers follow. */
	private static final Set<String> LINK_ATTRIBUTES = Set.of("href", "src", "srcset", "action", "formaction",
			"cite", "poster", "data");

	/** Elements whose content the tree builder reads as raw text (no tags, no references) up to their end tag. */
	private static final Set<String> RAW_TEXT = Set.of("script", "style", "xmp", "iframe", "noembed", "noframes");

	/** Elements whose content is text with references decoded (RCDATA) up to their end tag. */
	private static final Set<String> RCDATA = Set.of("title", "textarea");

	/** Whether a known tag breaks words (block or {@code br}); jsoup's tag table, read once per known name. */
	private static final Map<String, Boolean> BREAKS_WORDS = new ConcurrentHashMap<>();

	/** The longest named reference is 31 letters ("CounterClockwiseContourIntegral"). */
	private static final int MAX_NAME = 32;

	/** WHATWG's replacements for numeric references to C1 controls 0x80 to 0x9F (0 where none). */
	private static final char[] WINDOWS_1252 = { '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020',
			'\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', 0, '\u017D', 0, 0, '\u2018', '\u2019',
			'\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0,
			'\u017E', '\u0178' };

	static final char SEPARATOR = '\u0000';

	private final String value;

	private final int length;

	private char[] out;

	private int[] from;

	private int[] to;

	private boolean[] synthetic;

	private int size;

	/** Link target values that hold a reference: start and end pairs; committed when their tag is complete. */
	private int[] links = new int[8];

	private int linkCount;

	/** The code points of the reference last decoded. */
	private final int[] reference = new int[2];

	private int referenceLength;

	private MarkupReader(String value) {
		this.value = value;
		this.length = value.length();
		int capacity = this.length + 16;
		this.out = new char[capacity];
		this.from = new int[capacity];
		this.to = new int[capacity];
		this.synthetic = new boolean[capacity];
	}

	static ReadThrough read(String value) {
		MarkupReader reader = new MarkupReader(value);
		reader.data();
		reader.linkTargets();
		return new ReadThrough(reader.out, reader.from, reader.to, reader.synthetic, reader.size);
	}

	/** The data state: text and references up to each {@code <}, then the markup it may open. */
	private void data() {
		int i = 0;
		while (i < this.length) {
			int lt = this.value.indexOf('<', i);
			int end = (lt < 0) ? this.length : lt;
			text(i, end, false);
			i = (lt < 0) ? this.length : markup(lt);
		}
	}

	/** Markup that a {@code <} at {@code lt} may open; returns where the data state resumes. */
	private int markup(int lt) {
		int next = lt + 1;
		char c = charAt(next);
		if (isAsciiLetter(c)) {
			return tag(lt, next, false);
		}
		if (c == '/') {
			char d = charAt(next + 1);
			if (isAsciiLetter(d)) {
				return tag(lt, next + 1, true);
			}
			if (d == '>') {
				return next + 2; // "</>" is dropped
			}
			if (next + 1 >= this.length) {
				verbatim(lt, this.length); // "</" at the end is text
				return this.length;
			}
			return bogusComment(next + 1);
		}
		if (c == '!') {
			return declaration(next + 1);
		}
		if (c == '?') {
			return bogusComment(next);
		}
		verbatim(lt, next); // "<" not followed by a letter, "/", "!" or "?" is text: "1 < 2", "<3"
		return next;
	}

	/** {@code <!}: a comment, a doctype, a CDATA section or else a bogus comment. */
	private int declaration(int at) {
		if (this.value.startsWith("--", at)) {
			int i = at + 2;
			if (charAt(i) == '>') {
				return i + 1; // "<!-->"
			}
			if (this.value.startsWith("->", i)) {
				return i + 2; // "<!--->"
			}
			while (true) {
				int dashes = this.value.indexOf("--", i);
				if (dashes < 0) {
					return this.length; // a comment runs to the end of the value
				}
				if (charAt(dashes + 2) == '>') {
					return dashes + 3;
				}
				if (charAt(dashes + 2) == '!' && charAt(dashes + 3) == '>') {
					return dashes + 4;
				}
				i = dashes + 1;
			}
		}
		if (this.value.startsWith("[CDATA[", at)) {
			int start = at + 7;
			int end = this.value.indexOf("]]>", start);
			verbatim(start, (end < 0) ? this.length : end);
			return (end < 0) ? this.length : end + 3;
		}
		return bogusComment(at); // doctype included: all of it up to ">" is dropped
	}

	private int bogusComment(int at) {
		int gt = this.value.indexOf('>', at);
		return (gt < 0) ? this.length : gt + 1;
	}

	/**
	 * A start or end tag whose name starts at {@code nameStart}; returns where the data state resumes. A tag the
	 * value ends inside is dropped with the rest of the value, as the tokenizer does.
	 */
	private int tag(int lt, int nameStart, boolean end) {
		int i = nameStart;
		while (i < this.length && !isTagNameEnd(this.value.charAt(i))) {
			i++;
		}
		String name = lowerCase(nameStart, i);
		int pendingLinks = this.linkCount;
		while (true) {
			while (i < this.length && (isSpace(this.value.charAt(i)) || this.value.charAt(i) == '/')) {
				i++;
			}
			if (i >= this.length) {
				this.linkCount = pendingLinks;
				return this.length;
			}
			if (this.value.charAt(i) == '>') {
				i++;
				break;
			}
			// an attribute name: its first char may be anything, even "="
			int nameFrom = i++;
			while (i < this.length && !isTagNameEnd(this.value.charAt(i)) && this.value.charAt(i) != '=') {
				i++;
			}
			int nameTo = i;
			while (i < this.length && isSpace(this.value.charAt(i))) {
				i++;
			}
			if (charAt(i) != '=') {
				continue;
			}
			i++;
			while (i < this.length && isSpace(this.value.charAt(i))) {
				i++;
			}
			if (i >= this.length) {
				this.linkCount = pendingLinks;
				return this.length;
			}
			char quote = this.value.charAt(i);
			int valueFrom;
			int valueTo;
			if (quote == '"' || quote == '\'') {
				valueFrom = i + 1;
				valueTo = this.value.indexOf(quote, valueFrom);
				if (valueTo < 0) {
					this.linkCount = pendingLinks;
					return this.length;
				}
				i = valueTo + 1;
			}
			else {
				valueFrom = i;
				while (i < this.length && !isSpace(this.value.charAt(i)) && this.value.charAt(i) != '>') {
					i++;
				}
				valueTo = i;
			}
			int amp = this.value.indexOf('&', valueFrom);
			if (!end && amp >= 0 && amp < valueTo && isLinkAttribute(nameFrom, nameTo)) {
				addLink(valueFrom, valueTo);
			}
		}
		if (breaksWords(name)) {
			lineBreak(lt);
		}
		if (!end) {
			if (RAW_TEXT.contains(name)) {
				int close = endTag(name, i);
				verbatim(i, close);
				return close;
			}
			if (RCDATA.contains(name)) {
				int close = endTag(name, i);
				text(i, close, false);
				return close;
			}
			if (name.equals("plaintext")) {
				verbatim(i, this.length);
				return this.length;
			}
		}
		return i;
	}

	/** Where the end tag {@code </name} of a raw-text element starts (followed by a space, "/" or ">"), or the end. */
	private int endTag(String name, int at) {
		int i = at;
		while (true) {
			int lt = this.value.indexOf("</", i);
			if (lt < 0) {
				return this.length;
			}
			int after = lt + 2 + name.length();
			if (this.value.regionMatches(true, lt + 2, name, 0, name.length()) && after < this.length
					&& (isSpace(this.value.charAt(after)) || this.value.charAt(after) == '/'
							|| this.value.charAt(after) == '>')) {
				return lt;
			}
			i = lt + 2;
		}
	}

	/** Text from {@code start} to {@code end}, character references decoded. */
	private void text(int start, int end, boolean inAttribute) {
		int i = start;
		while (i < end) {
			int amp = this.value.indexOf('&', i);
			if (amp < 0 || amp >= end) {
				verbatim(i, end);
				return;
			}
			verbatim(i, amp);
			int after = reference(amp, end, inAttribute);
			if (after < 0) {
				verbatim(amp, amp + 1);
				i = amp + 1;
			}
			else {
				for (int k = 0; k < this.referenceLength; k++) {
					int cp = this.reference[k];
					if (Character.isBmpCodePoint(cp)) {
						append((char) cp, amp, after, true);
					}
					else {
						append(Character.highSurrogate(cp), amp, after, true);
						append(Character.lowSurrogate(cp), amp, after, true);
					}
				}
				i = after;
			}
		}
	}

	/**
	 * Decodes the character reference at {@code amp} into {@link #reference}; returns its end, or -1 when the
	 * {@code &} starts none (then it is text).
	 */
	private int reference(int amp, int limit, boolean inAttribute) {
		int i = amp + 1;
		if (i >= limit) {
			return -1;
		}
		if (this.value.charAt(i) == '#') {
			return numericReference(i + 1, limit);
		}
		int j = i;
		while (j < limit && j - i < MAX_NAME && isAsciiLetter(this.value.charAt(j))) {
			j++;
		}
		while (j < limit && j - i < MAX_NAME && isAsciiDigit(this.value.charAt(j))) {
			j++;
		}
		if (j == i) {
			return -1;
		}
		String name = this.value.substring(i, j);
		boolean semicolon = j < limit && this.value.charAt(j) == ';';
		if (!Entities.isBaseNamedEntity(name) && !(semicolon && Entities.isNamedEntity(name))) {
			if (inAttribute) {
				return -1;
			}
			// the longest legacy name the letters start with: "&notit;" reads as "¬it;"
			name = Entities.findPrefix(name);
			if (name.isEmpty()) {
				return -1;
			}
			j = i + name.length();
			semicolon = false;
		}
		if (inAttribute && !semicolon && j < limit) {
			char next = this.value.charAt(j);
			if (isAsciiLetter(next) || isAsciiDigit(next) || next == '=' || next == '-' || next == '_') {
				return -1; // "?a=1&copy=2" is a query string, not a copyright sign
			}
		}
		this.referenceLength = Entities.codepointsForName(name, this.reference);
		if (this.referenceLength == 0) {
			return -1;
		}
		return semicolon ? j + 1 : j;
	}

	/** {@code &#} then decimal digits or {@code x} and hex digits, an optional {@code ;}. */
	private int numericReference(int at, int limit) {
		int i = at;
		boolean hex = i < limit && (this.value.charAt(i) == 'x' || this.value.charAt(i) == 'X');
		if (hex) {
			i++;
		}
		int digits = i;
		long number = 0;
		while (i < limit) {
			int digit = Character.digit(this.value.charAt(i), hex ? 16 : 10);
			if (digit < 0 || this.value.charAt(i) > 'f') {
				break;
			}
			number = Math.min(number * (hex ? 16 : 10) + digit, 0x110000L);
			i++;
		}
		if (i == digits) {
			return -1; // "&#" and "&#x" without digits are text
		}
		this.reference[0] = numericValue((int) number);
		this.referenceLength = 1;
		return (i < limit && this.value.charAt(i) == ';') ? i + 1 : i;
	}

	/** What a numeric reference to {@code number} reads as: U+FFFD for NUL, surrogates and beyond U+10FFFF. */
	static int numericValue(int number) {
		if (number == 0 || number > Character.MAX_CODE_POINT
				|| (number >= Character.MIN_SURROGATE && number <= Character.MAX_SURROGATE)) {
			return '\uFFFD';
		}
		if (number >= 0x80 && number <= 0x9F && WINDOWS_1252[number - 0x80] != 0) {
			return WINDOWS_1252[number - 0x80];
		}
		return number;
	}

	/** After the text: each link target that holds a reference, decoded, after a separator. */
	private void linkTargets() {
		for (int k = 0; k < this.linkCount; k++) {
			int start = this.links[2 * k];
			append(SEPARATOR, start, start + 1, true);
			text(start, this.links[2 * k + 1], true);
		}
	}

	private void addLink(int start, int end) {
		if (2 * this.linkCount + 2 > this.links.length) {
			this.links = Arrays.copyOf(this.links, this.links.length * 2);
		}
		this.links[2 * this.linkCount] = start;
		this.links[2 * this.linkCount + 1] = end;
		this.linkCount++;
	}

	private boolean isLinkAttribute(int start, int end) {
		int n = end - start;
		if (n < 3 || n > 10) {
			return false;
		}
		return LINK_ATTRIBUTES.contains(lowerCase(start, end));
	}

	private static boolean breaksWords(String name) {
		if (name.equals("br")) {
			return true;
		}
		if (!Tag.isKnownTag(name)) {
			return false; // unknown tags are inline, as jsoup reads them
		}
		return BREAKS_WORDS.computeIfAbsent(name, n -> Tag.valueOf(n).isBlock());
	}

	private void lineBreak(int at) {
		if (this.size > 0 && this.out[this.size - 1] != '\n') {
			append('\n', at, at + 1, true);
		}
	}

	private void verbatim(int start, int end) {
		int n = end - start;
		if (n <= 0) {
			return;
		}
		ensure(n);
		this.value.getChars(start, end, this.out, this.size);
		for (int k = 0; k < n; k++) {
			this.from[this.size + k] = start + k;
			this.to[this.size + k] = start + k + 1;
		}
		this.size += n;
	}

	private void append(char c, int start, int end, boolean isSynthetic) {
		ensure(1);
		this.out[this.size] = c;
		this.from[this.size] = start;
		this.to[this.size] = end;
		this.synthetic[this.size] = isSynthetic;
		this.size++;
	}

	private void ensure(int more) {
		if (this.size + more > this.out.length) {
			int capacity = Math.max(this.out.length * 2, this.size + more);
			this.out = Arrays.copyOf(this.out, capacity);
			this.from = Arrays.copyOf(this.from, capacity);
			this.to = Arrays.copyOf(this.to, capacity);
			this.synthetic = Arrays.copyOf(this.synthetic, capacity);
		}
	}

	private char charAt(int i) {
		return (i < this.length) ? this.value.charAt(i) : '\uFFFF';
	}

	private String lowerCase(int start, int end) {
		char[] chars = new char[end - start];
		for (int k = 0; k < chars.length; k++) {
			char c = this.value.charAt(start + k);
			chars[k] = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
		}
		return new String(chars);
	}

	private static boolean isTagNameEnd(char c) {
		return isSpace(c) || c == '/' || c == '>';
	}

	/** HTML's ASCII whitespace in tags: tab, line feed, form feed, carriage return, space. */
	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * The text read through a value's markup: {@code length} chars of {@code chars}, char {@code i} read from
	 * chars {@code from[i]} to {@code to[i]} (exclusive) of the value; {@code synthetic[i]} when it is not that
	 * char as written (a decoded reference, a line break for a tag, a separator).
	 */
	record ReadThrough(char[] chars, int[] from, int[] to, boolean[] synthetic, int length) {

		String text() {
			return new String(this.chars, 0, this.length);
		}

		/** Whether chars {@code i - 1} and {@code i} are both as written and next to each other in the value. */
		boolean continues(int i) {
			return !this.synthetic[i - 1] && !this.synthetic[i] && this.from[i] == this.to[i - 1];
		}

	}

}
