package dev.commentmoderation.rules;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;

/** Unicode-aware text helpers shared by the rules. */
final class Text {

	private Text() {
	}

	/** Invisible characters: zero-width space/joiners, word joiner, BOM, soft hyphen, variation selectors... */
	static boolean isIgnorable(int cp) {
		return UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
	}

	static boolean isWhitespace(int cp) {
		return UCharacter.isUWhiteSpace(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp);
	}

	static boolean isMark(int cp) {
		int type = UCharacter.getType(cp);
		return type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.COMBINING_SPACING_MARK
				|| type == UCharacterCategory.ENCLOSING_MARK;
	}

	/** A code point that continues a word: a letter, a digit or a combining mark. */
	static boolean isWordChar(int cp) {
		return UCharacter.isLetterOrDigit(cp) || isMark(cp);
	}

	/** True for null, empty, or only Unicode whitespace and invisible (default-ignorable) characters. */
	static boolean isBlank(String value) {
		if (value == null) {
			return true;
		}
		for (int i = 0; i < value.length();) {
			int cp = value.codePointAt(i);
			if (!isWhitespace(cp) && !isIgnorable(cp)) {
				return false;
			}
			i += Character.charCount(cp);
		}
		return true;
	}

	/** Removes leading and trailing Unicode whitespace and invisible characters. */
	static String strip(String value) {
		int start = 0;
		int end = value.length();
		while (start < end) {
			int cp = value.codePointAt(start);
			if (!isWhitespace(cp) && !isIgnorable(cp)) {
				break;
			}
			start += Character.charCount(cp);
		}
		while (end > start) {
			int cp = value.codePointBefore(end);
			if (!isWhitespace(cp) && !isIgnorable(cp)) {
				break;
			}
			end -= Character.charCount(cp);
		}
		return value.substring(start, end);
	}

	/**
	 * The prefix of a field the content rules scan: the whole value when it is at most {@code limit} UTF-16
	 * chars (so every value within its byte limit is scanned whole), else its first {@code limit} chars,
	 * never splitting a surrogate pair. Keeps the cost of hostile, oversized input bounded.
	 */
	static String scanWindow(String value, int limit) {
		int max = Math.max(limit, 1024);
		if (value.length() <= max) {
			return value;
		}
		int cut = max;
		if (Character.isHighSurrogate(value.charAt(cut - 1))) {
			cut--;
		}
		return value.substring(0, cut);
	}

	/** The number of code points in {@code value} before UTF-16 index {@code charIndex}. */
	static int codePointOffset(String value, int charIndex) {
		return value.codePointCount(0, charIndex);
	}

}
