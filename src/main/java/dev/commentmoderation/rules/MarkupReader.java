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

	private static final int BREAKS_WORDS = 1;

	private static final int RAW = 2;

	private static final int ESCAPABLE_RAW = 4;

	private static final int PLAIN_TEXT = 8;

	/** What a known tag does to the text, from jsoup's tag table, read once per name (at most its ~150 names). */
	private static final Map<String, Integer> KNOWN_TAGS = new ConcurrentHashMap<>();

	/** The tags comments use most, classified once, looked up without making a string of their name. */
	private static final TagTable COMMON_TAGS = new TagTable("a", "abbr", "article", "aside", "audio", "b",
			"blockquote", "body", "br", "button", "center", "cite", "code", "dd", "del", "details", "div", "dl", "dt",
			"em", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
			"header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "li", "link", "main",
			"mark", "meta", "nav", "noembed", "noframes", "noscript", "ol", "option", "p", "picture", "plaintext",
			"pre", "q", "s", "samp", "script", "section", "select", "small", "source", "span", "strike", "strong",
			"style", "sub", "summary", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time",
			"title", "tr", "tt", "u", "ul", "var", "video", "wbr", "xmp");

	/** Named references by name (at most jsoup's ~2,200), with whether they may stand without a semicolon. */
	private static final Map<String, NamedReference> NAMED_REFERENCES = new ConcurrentHashMap<>();

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

	private int size;

	/**
	 * Runs of the result: where each starts in it, and the chars of the value it was read from (a run as written:
	 * its chars one to one; a synthetic run: every char from all of them).
	 */
	private int[] runAt = new int[16];

	private int[] runFrom = new int[16];

	private int[] runTo = new int[16];

	private boolean[] runSynthetic = new boolean[16];

	private int runs;

	/** Link target values that hold a reference: start and end pairs; committed when their tag is complete. */
	private int[] links = new int[8];

	private int linkCount;

	/** The code points of the reference last decoded. */
	private final int[] reference = new int[2];

	private int referenceLength;

	private MarkupReader(String value) {
		this.value = value;
		this.length = value.length();
		this.out = new char[this.length + 16];
	}

	static ReadThrough read(String value) {
		MarkupReader reader = new MarkupReader(value);
		reader.data();
		reader.linkTargets();
		return new ReadThrough(reader.out, reader.size, reader.runAt, reader.runFrom, reader.runTo,
				reader.runSynthetic, reader.runs);
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
		int nameEnd = i;
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
		int kind = COMMON_TAGS.kind(this.value, nameStart, nameEnd);
		if (kind < 0) {
			kind = kind(lowerCase(nameStart, nameEnd));
		}
		if ((kind & BREAKS_WORDS) != 0) {
			lineBreak(lt);
		}
		if (!end) {
			if ((kind & RAW) != 0) {
				int close = endTag(lowerCase(nameStart, nameEnd), i);
				verbatim(i, close);
				return close;
			}
			if ((kind & ESCAPABLE_RAW) != 0) {
				int close = endTag(lowerCase(nameStart, nameEnd), i);
				text(i, close, false);
				return close;
			}
			if ((kind & PLAIN_TEXT) != 0) {
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
		NamedReference named = NamedReference.of(this.value.substring(i, j));
		boolean semicolon = j < limit && this.value.charAt(j) == ';';
		if (named == null || !(named.legacy() || semicolon)) {
			if (inAttribute) {
				return -1;
			}
			// the longest legacy name the letters start with: "&notit;" reads as "¬it;"
			String prefix = Entities.findPrefix(this.value.substring(i, j));
			named = prefix.isEmpty() ? null : NamedReference.of(prefix);
			if (named == null) {
				return -1;
			}
			j = i + prefix.length();
			semicolon = false;
		}
		if (inAttribute && !semicolon && j < limit) {
			char next = this.value.charAt(j);
			if (isAsciiLetter(next) || isAsciiDigit(next) || next == '=' || next == '-' || next == '_') {
				return -1; // "?a=1&copy=2" is a query string, not a copyright sign
			}
		}
		this.referenceLength = named.codePoints().length;
		System.arraycopy(named.codePoints(), 0, this.reference, 0, this.referenceLength);
		return semicolon ? j + 1 : j;
	}

	/** A named reference: its code points, and whether it is a legacy name that may stand without a semicolon. */
	private record NamedReference(int[] codePoints, boolean legacy) {

		/** The reference named {@code name}, or null when jsoup knows no such name. */
		static NamedReference of(String name) {
			NamedReference known = NAMED_REFERENCES.get(name);
			if (known != null || !Entities.isNamedEntity(name)) {
				return known;
			}
			int[] codePoints = new int[2];
			int count = Entities.codepointsForName(name, codePoints);
			if (count == 0) {
				return null;
			}
			return NAMED_REFERENCES.computeIfAbsent(name, n -> new NamedReference(Arrays.copyOf(codePoints, count),
					Entities.isBaseNamedEntity(n)));
		}

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
		for (String name : LINK_ATTRIBUTES) {
			if (name.length() == end - start && this.value.regionMatches(true, start, name, 0, name.length())) {
				return true;
			}
		}
		return false;
	}

	/** Tag names packed into a long (six bits a char, up to ten letters or digits), sorted, with their kinds. */
	private static final class TagTable {

		private final long[] keys;

		private final int[] kinds;

		TagTable(String... names) {
			long[] packed = new long[names.length];
			for (int k = 0; k < names.length; k++) {
				packed[k] = pack(names[k], 0, names[k].length());
			}
			Arrays.sort(packed);
			this.keys = packed;
			this.kinds = new int[names.length];
			for (String name : names) {
				this.kinds[Arrays.binarySearch(packed, pack(name, 0, name.length()))] = MarkupReader.kind(name);
			}
		}

		/** The kind of the tag named by {@code value[start, end)}, or -1 when it is not in the table. */
		int kind(String value, int start, int end) {
			long key = pack(value, start, end);
			int k = (key < 0) ? -1 : Arrays.binarySearch(this.keys, key);
			return (k < 0) ? -1 : this.kinds[k];
		}

		/** ASCII letters (either case) and digits, up to ten: a distinct positive number; otherwise -1. */
		private static long pack(String value, int start, int end) {
			if (end - start > 10) {
				return -1;
			}
			long key = 0;
			for (int k = start; k < end; k++) {
				char c = value.charAt(k);
				int code;
				if (c >= 'a' && c <= 'z') {
					code = c - 'a' + 1;
				}
				else if (c >= 'A' && c <= 'Z') {
					code = c - 'A' + 1;
				}
				else if (c >= '0' && c <= '9') {
					code = c - '0' + 27;
				}
				else {
					return -1;
				}
				key = (key << 6) | code;
			}
			return key;
		}

	}

	private static int kind(String name) {
		Integer kind = KNOWN_TAGS.get(name);
		if (kind != null) {
			return kind;
		}
		if (!Tag.isKnownTag(name)) {
			return 0; // unknown tags are inline, as jsoup reads them
		}
		return KNOWN_TAGS.computeIfAbsent(name, n -> {
			int k = (Tag.valueOf(n).isBlock() || n.equals("br")) ? BREAKS_WORDS : 0;
			k |= RAW_TEXT.contains(n) ? RAW : 0;
			k |= RCDATA.contains(n) ? ESCAPABLE_RAW : 0;
			return k | (n.equals("plaintext") ? PLAIN_TEXT : 0);
		});
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
		int last = this.runs - 1;
		if (last >= 0 && !this.runSynthetic[last] && this.runTo[last] == start) {
			this.runTo[last] = end;
		}
		else {
			run(start, end, false);
		}
		this.size += n;
	}

	private void append(char c, int start, int end, boolean isSynthetic) {
		ensure(1);
		int last = this.runs - 1;
		// the chars of one reference (a surrogate pair, two code points) are one run
		if (last < 0 || !this.runSynthetic[last] || this.runFrom[last] != start || this.runTo[last] != end
				|| c == SEPARATOR || c == '\n') {
			run(start, end, isSynthetic);
		}
		this.out[this.size++] = c;
	}

	private void run(int start, int end, boolean isSynthetic) {
		if (this.runs == this.runAt.length) {
			int capacity = this.runs * 2;
			this.runAt = Arrays.copyOf(this.runAt, capacity);
			this.runFrom = Arrays.copyOf(this.runFrom, capacity);
			this.runTo = Arrays.copyOf(this.runTo, capacity);
			this.runSynthetic = Arrays.copyOf(this.runSynthetic, capacity);
		}
		this.runAt[this.runs] = this.size;
		this.runFrom[this.runs] = start;
		this.runTo[this.runs] = end;
		this.runSynthetic[this.runs] = isSynthetic;
		this.runs++;
	}

	private void ensure(int more) {
		if (this.size + more > this.out.length) {
			this.out = Arrays.copyOf(this.out, Math.max(this.out.length * 2, this.size + more));
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
	 * The text read through a value's markup: {@code length} chars of {@code chars}, in {@code runs} runs; run
	 * {@code r} starts at {@code runAt[r]} and was read from chars {@code runFrom[r]} to {@code runTo[r]}
	 * (exclusive) of the value: one to one as written, or, when {@code runSynthetic[r]}, every char of it from all
	 * of them (a decoded reference, a line break for a tag, a separator). Two runs as written never follow each other
	 * without markup between them.
	 */
	record ReadThrough(char[] chars, int length, int[] runAt, int[] runFrom, int[] runTo, boolean[] runSynthetic,
			int runs) {

		/** The run char {@code i} is in. */
		int runOf(int i) {
			int r = Arrays.binarySearch(this.runAt, 0, this.runs, i);
			return (r >= 0) ? r : -r - 2;
		}

	}

}
