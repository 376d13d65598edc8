package dev.commentmoderation.rules;

import java.util.Arrays;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

/**
 * The texts a field is searched in for terms, with the code point of the value as received that each of their
 * code points came from: the value as written, then, when it has markup ({@code <} or {@code &}), the text an
 * HTML5 parser (jsoup) reads in it (tags and comments removed, entities decoded, a line break around block
 * elements so that two paragraphs do not join into one word) and its link targets ({@code href}, {@code src}...
 * entity-decoded). The texts are joined by U+0000, which no term contains and which is no part of a word.
 * <p>
 * So {@code stuck <b>half</b>way}, {@code cas&#105;no} and {@code ca<!-- -->sino} read as "halfway" and
 * "casino", and a hit there maps back to the span of the value that holds it, markup included.
 */
final class MarkupText {

	/** Attributes whose value is a link target (or a list of them): text a spammer controls and readers follow. */
	private static final Set<String> LINK_ATTRIBUTES = Set.of("href", "src", "srcset", "action", "formaction",
			"cite", "poster", "data");

	static final char SEPARATOR = '\u0000';

	private final String text;

	private final int[] origin;

	private final int[] originEnd;

	private MarkupText(String text, int[] origin, int[] originEnd) {
		this.text = text;
		this.origin = origin;
		this.originEnd = originEnd;
	}

	/** The text to search: the value as written, then (when it has markup) what it reads as, and its links. */
	String text() {
		return this.text;
	}

	/** The code point of the value as received that code point {@code index} of {@link #text()} came from. */
	int originOf(int index) {
		return (this.origin == null) ? index : this.origin[index];
	}

	/**
	 * The end (exclusive) of what code point {@code index} of {@link #text()} was read from, in code points of the
	 * value as received: past the whole entity reference for a decoded character.
	 */
	int originEndOf(int index) {
		return (this.origin == null) ? index + 1 : this.originEnd[index];
	}

	static MarkupText of(String value) {
		if (value.indexOf('<') < 0 && value.indexOf('&') < 0) {
			return new MarkupText(value, null, null);
		}
		Builder builder = new Builder(value);
		Document document = Jsoup.parse(parsedPrefix(value), Parser.htmlParser().setTrackPosition(true));
		builder.separator(0);
		document.traverse(builder);
		document.traverse((node, depth) -> {
			if (node instanceof Element element) {
				for (Attribute attribute : element.attributes()) {
					if (LINK_ATTRIBUTES.contains(attribute.getKey())) {
						Range range = attribute.sourceRange().valueRange();
						builder.separator(range.isTracked() ? range.startPos() : 0);
						builder.decoded(attribute.getValue(), range, true);
					}
				}
			}
		});
		return builder.build();
	}

	/**
	 * How much of a value the parser reads: HTML5 tree building is quadratic on hostile markup (misnested formatting
	 * tags, thousands of unclosed elements: seconds for 64 KB), so only the first {@value #MAX_PARSED_CHARS}
	 * characters, and within them up to the {@value #MAX_PARSED_MARKS}th {@code <} or {@code &}, are read as markup;
	 * the value as written is always searched whole. A comment needs that much markup before a hidden term to hide it.
	 */
	static final int MAX_PARSED_CHARS = 16_384;

	static final int MAX_PARSED_MARKS = 1_000;

	static String parsedPrefix(String value) {
		int limit = Math.min(value.length(), MAX_PARSED_CHARS);
		int marks = 0;
		int end = limit;
		for (int i = 0; i < limit; i++) {
			char c = value.charAt(i);
			if ((c == '<' || c == '&') && ++marks > MAX_PARSED_MARKS) {
				end = i;
				break;
			}
		}
		if (end > 0 && end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
			end--;
		}
		return (end == value.length()) ? value : value.substring(0, end);
	}

	/** Appends the views to the value as written, one code point (and its origin) at a time. */
	private static final class Builder implements NodeVisitor {

		private final String value;

		/** UTF-16 index in the value -> code point index */
		private final int[] codePointAt;

		private final StringBuilder out;

		private int[] origin;

		private int[] originEnd;

		private int codePoints;

		Builder(String value) {
			this.value = value;
			this.codePointAt = new int[value.length() + 1];
			int cp = 0;
			for (int i = 0; i < value.length(); i++) {
				this.codePointAt[i] = cp;
				if (!Character.isHighSurrogate(value.charAt(i)) || i + 1 >= value.length()
						|| !Character.isLowSurrogate(value.charAt(i + 1))) {
					cp++;
				}
			}
			this.codePointAt[value.length()] = cp;
			this.out = new StringBuilder(value.length() * 2 + 16);
			this.origin = new int[value.length() * 2 + 16];
			this.originEnd = new int[this.origin.length];
			// the value as written maps to itself
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (!Character.isLowSurrogate(c) || i == 0 || !Character.isHighSurrogate(value.charAt(i - 1))) {
					this.origin[this.codePoints] = this.codePointAt[i];
					this.originEnd[this.codePoints++] = this.codePointAt[i] + 1;
				}
			}
			this.out.append(value);
		}

		@Override
		public void head(Node node, int depth) {
			if (node instanceof TextNode textNode) {
				decoded(textNode.getWholeText(), textNode.sourceRange(), false);
			}
			else if (node instanceof DataNode dataNode) {
				// script and style content: not entity-decoded, so it maps one to one when tracked
				decoded(dataNode.getWholeData(), dataNode.sourceRange(), false);
			}
			else if (node instanceof Element element && breaksWords(element)) {
				lineBreak(element.sourceRange());
			}
		}

		@Override
		public void tail(Node node, int depth) {
			if (node instanceof Element element && breaksWords(element)) {
				Range end = element.endSourceRange();
				lineBreak(end.isTracked() ? end : element.sourceRange());
			}
		}

		private static boolean breaksWords(Element element) {
			return element.tag().isBlock() || "br".equals(element.normalName());
		}

		private void lineBreak(Range range) {
			if (this.out.length() > 0 && this.out.charAt(this.out.length() - 1) != '\n') {
				append('\n', range.isTracked() ? range.startPos() : 0);
			}
		}

		void separator(int charIndex) {
			append(SEPARATOR, charIndex);
		}

		/**
		 * Appends {@code decoded}, read by the parser from {@code range} of the value, mapping each of its code
		 * points to the source code point it was read from: a character to itself, an entity's output to the
		 * {@code &} that starts it. Where the two cannot be aligned (the parser replaced a character), the rest
		 * maps to the last aligned position, so offsets stay within the range.
		 */
		void decoded(String decoded, Range range, boolean inAttribute) {
			if (decoded.isEmpty()) {
				return;
			}
			int from = range.isTracked() ? Math.min(range.startPos(), this.value.length()) : 0;
			int to = range.isTracked() ? Math.min(Math.max(range.endPos(), from), this.value.length())
					: this.value.length();
			int i = from;
			int j = 0;
			while (j < decoded.length()) {
				if (i < to && this.value.charAt(i) == '&') {
					int end = entityEnd(i, to);
					String raw = this.value.substring(i, end);
					String out = (end > i + 1) ? Parser.unescapeEntities(raw, inAttribute) : raw;
					if (!out.equals(raw) && decoded.startsWith(out, j)) {
						appendAll(out, i, end);
						i = end;
						j += out.length();
						continue;
					}
				}
				if (i < to && this.value.charAt(i) == decoded.charAt(j)) {
					appendChar(decoded, j, i);
					i++;
					j++;
					continue;
				}
				// not aligned: the parser changed something (e.g. a NUL or a lone surrogate); keep offsets near
				int at = Math.min(i, Math.max(to - 1, from));
				appendAll(decoded.substring(j), at, at + 1);
				return;
			}
		}

		/** The end of the entity reference that may start at {@code start} ("&amp;", "&#105;", "&#x69;", "&amp"). */
		private int entityEnd(int start, int to) {
			int k = start + 1;
			int limit = Math.min(to, start + 40);
			while (k < limit && (Character.isLetterOrDigit(this.value.charAt(k)) || this.value.charAt(k) == '#')) {
				k++;
			}
			return (k < to && this.value.charAt(k) == ';') ? k + 1 : k;
		}

		private void appendChar(String decoded, int j, int sourceChar) {
			char c = decoded.charAt(j);
			this.out.append(c);
			// the low half of a pair is part of the code point counted with its high half
			if (!Character.isLowSurrogate(c) || j == 0 || !Character.isHighSurrogate(decoded.charAt(j - 1))) {
				addOrigin(sourceChar, sourceChar + 1);
			}
		}

		/** Appends what source chars [sourceStart, sourceEnd) were read as: every code point maps to all of them. */
		private void appendAll(String decoded, int sourceStart, int sourceEnd) {
			this.out.append(decoded);
			int count = decoded.codePointCount(0, decoded.length());
			for (int k = 0; k < count; k++) {
				addOrigin(sourceStart, sourceEnd);
			}
		}

		private void append(char c, int sourceChar) {
			this.out.append(c);
			addOrigin(sourceChar, sourceChar + 1);
		}

		private void addOrigin(int sourceStart, int sourceEnd) {
			if (this.codePoints == this.origin.length) {
				this.origin = Arrays.copyOf(this.origin, this.origin.length * 2);
				this.originEnd = Arrays.copyOf(this.originEnd, this.origin.length);
			}
			int length = this.codePointAt[this.value.length()];
			int start = Math.min(this.codePointAt[Math.min(sourceStart, this.value.length())], Math.max(length - 1, 0));
			int end = this.codePointAt[Math.min(sourceEnd, this.value.length())];
			this.origin[this.codePoints] = start;
			this.originEnd[this.codePoints++] = Math.max(end, start + 1);
		}

		MarkupText build() {
			return new MarkupText(this.out.toString(), this.origin, this.originEnd);
		}

	}

}
