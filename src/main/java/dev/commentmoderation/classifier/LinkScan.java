package dev.commentmoderation.classifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The links of a text in one pass without a regular expression (the RE2J patterns cost most of the features'
 * time): the rules' count ({@code LinkCounter}: non-overlapping, case-insensitive occurrences of {@code http://},
 * {@code https://} or {@code www.}, a {@code www.} right after the scheme belonging to it), and for each link the
 * char range of its host: letters, ASCII digits, dots and hyphens after the prefix (and after user info ending in
 * {@code @}), starting and ending with a letter or digit. A test checks the count against the rules' on generated
 * texts.
 *
 * @param count the number of links
 * @param hosts for each link with a host, {start, end} char indexes of the host (end exclusive)
 */
record LinkScan(int count, List<int[]> hosts) {

	static LinkScan of(String text) {
		int count = 0;
		List<int[]> hosts = new ArrayList<>();
		int n = text.length();
		int i = 0;
		while (i < n) {
			int end = scheme(text, i);
			boolean scheme = end >= 0;
			if (scheme) {
				if (matches(text, end, "www.")) {
					end += 4;
				}
			}
			else if (matches(text, i, "www.")) {
				end = i + 4;
			}
			else {
				i++;
				continue;
			}
			count++;
			int hostStart = scheme ? afterUserInfo(text, end) : end;
			int hostEnd = hostStart;
			while (hostEnd < n && isHostChar(text.charAt(hostEnd))) {
				hostEnd++;
			}
			while (hostEnd > hostStart && !isLetterOrDigit(text.charAt(hostEnd - 1))) {
				hostEnd--;
			}
			if (hostEnd > hostStart && isLetterOrDigit(text.charAt(hostStart))) {
				hosts.add(new int[] { hostStart, hostEnd });
			}
			i = end;
		}
		return new LinkScan(count, hosts);
	}

	/** The end of {@code http://} or {@code https://} at {@code at}, or -1. */
	private static int scheme(String text, int at) {
		if (!matches(text, at, "http")) {
			return -1;
		}
		int next = at + 4;
		if (next < text.length() && isS(text.charAt(next))) {
			next++;
		}
		return matches(text, next, "://") ? next + 3 : -1;
	}

	/** Case-insensitive match of a lower-case ASCII word, as RE2's (?i) folds it ("s" also matches "ſ"). */
	private static boolean matches(String text, int at, String lower) {
		if (at + lower.length() > text.length()) {
			return false;
		}
		for (int k = 0; k < lower.length(); k++) {
			char expected = lower.charAt(k);
			char c = text.charAt(at + k);
			boolean same = (expected == 's') ? isS(c) : (c == expected || Character.toLowerCase(c) == expected
					&& c < 0x80);
			if (!same) {
				return false;
			}
		}
		return true;
	}

	private static boolean isS(char c) {
		return c == 's' || c == 'S' || c == '\u017F';
	}

	/** Skips {@code user:password@} when it comes before the next whitespace, '/', '?' or '#'. */
	private static int afterUserInfo(String text, int from) {
		int j = from;
		while (j < text.length()) {
			char c = text.charAt(j);
			if (c == '@') {
				return j + 1;
			}
			if (Character.isWhitespace(c) || c == '/' || c == '?' || c == '#') {
				break;
			}
			j++;
		}
		return from;
	}

	private static boolean isHostChar(char c) {
		return isLetterOrDigit(c) || c == '.' || c == '-';
	}

	private static boolean isLetterOrDigit(char c) {
		return (c >= '0' && c <= '9') || Character.isLetter(c);
	}

}
