package dev.commentmoderation.rules;

import java.util.concurrent.atomic.AtomicReferenceArray;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * Folds text so trivially disguised words compare equal, one original code point at a time (so every
 * normalized char maps back to the code point it came from). For each code point:
 * <ol>
 * <li>invisible (default-ignorable) characters such as U+200B, U+200D, U+2060, U+FEFF, U+00AD and
 * variation selectors are dropped;</li>
 * <li>any Unicode whitespace becomes one space, and runs of whitespace collapse into one space;</li>
 * <li>NFKC_Casefold maps case and compatibility forms ("ＣＡＳＩＮＯ" to "casino");</li>
 * <li>canonical decomposition, then nonspacing marks are dropped ("cásíñò" to "casino");</li>
 * <li>if the result still holds non-ASCII characters, the UTS #39 confusable skeleton maps look-alikes to
 * Latin (Cyrillic "а", Greek "ο" to "a", "o"), then the result is folded again.</li>
 * </ol>
 * Skeletons are deliberately NOT applied to ASCII: UTS #39 maps "m" to "rn", "1" and "I" to "l" and "0" to
 * "O", which would make the term "bum" hit "burn". Terms and text go through the same function, so they stay
 * consistent. Thread-safe.
 */
public final class TextNormalizer {

	private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

	private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

	private static final SpoofChecker SPOOF_CHECKER = new SpoofChecker.Builder().build();

	/** Folded forms of BMP code points, computed on first use (benign race: results are deterministic). */
	private static final AtomicReferenceArray<String> BMP_CACHE = new AtomicReferenceArray<>(0x10000);

	private TextNormalizer() {
	}

	/** Normalizes a field value, keeping the map back to original code point offsets. */
	public static NormalizedText normalize(String value) {
		return normalize(value, new int[Math.max(16, value.length())], new StringBuilder(value.length()), 0);
	}

	/**
	 * Normalizes {@code value}, which starts with the text {@code prefix} is the normalization of, folding only the
	 * rest: the result equals {@link #normalize(String) normalize(value)}, because folding goes code point by code
	 * point and carries nothing from one to the next but the last char written (for collapsing whitespace).
	 */
	static NormalizedText normalize(String value, NormalizedText prefix) {
		String folded = prefix.normalized();
		int[] origin = new int[Math.max(Math.max(16, value.length()), folded.length())];
		for (int k = 0; k < folded.length(); k++) {
			origin[k] = prefix.originOf(k);
		}
		StringBuilder out = new StringBuilder(Math.max(value.length(), folded.length())).append(folded);
		return normalize(value, origin, out, prefix.originalCodePoints().length);
	}

	/**
	 * Folds {@code value} from code point {@code codePointsDone} on, appending to {@code out} and {@code origin},
	 * which hold the folding of the code points before it.
	 */
	private static NormalizedText normalize(String value, int[] origin, StringBuilder out, int codePointsDone) {
		// sized exactly: a stream's toArray grows a chunked buffer, at a cost that jumps with the text's length
		int[] codePoints = new int[value.codePointCount(0, value.length())];
		for (int i = 0, k = 0; i < value.length(); k++) {
			codePoints[k] = value.codePointAt(i);
			i += Character.charCount(codePoints[k]);
		}
		for (int i = codePointsDone; i < codePoints.length; i++) {
			String folded = fold(codePoints[i]);
			if (folded.isEmpty()) {
				continue;
			}
			if (folded.equals(" ") && out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
				continue;
			}
			if (out.length() + folded.length() > origin.length) {
				origin = java.util.Arrays.copyOf(origin, Math.max(origin.length * 2, out.length() + folded.length()));
			}
			for (int k = 0; k < folded.length(); k++) {
				origin[out.length() + k] = i;
			}
			out.append(folded);
		}
		return new NormalizedText(codePoints, out.toString(), origin);
	}

	/** Normalizes a configured term the same way, trimmed; empty when the term is blank. */
	public static String normalizeTerm(String term) {
		if (term == null) {
			return "";
		}
		return normalize(term).normalized().strip();
	}

	/** The folded form of one code point; empty for invisible characters. */
	static String fold(int cp) {
		if (cp < 0x80) {
			if (cp >= 'A' && cp <= 'Z') {
				return String.valueOf((char) (cp + ('a' - 'A')));
			}
			if (Character.isWhitespace(cp)) {
				return " ";
			}
			return String.valueOf((char) cp);
		}
		if (cp < 0x10000) {
			String cached = BMP_CACHE.get(cp);
			if (cached == null) {
				cached = foldUncached(cp);
				BMP_CACHE.set(cp, cached);
			}
			return cached;
		}
		return foldUncached(cp);
	}

	private static String foldUncached(int cp) {
		if (Text.isIgnorable(cp)) {
			return "";
		}
		if (Text.isWhitespace(cp)) {
			return " ";
		}
		String original = new String(Character.toChars(cp));
		String folded = caseAndAccentFold(original);
		if (isAscii(folded)) {
			return folded;
		}
		String skeleton = caseAndAccentFold(SPOOF_CHECKER.getSkeleton(folded));
		if (isAscii(skeleton)) {
			return skeleton;
		}
		// e.g. Greek capital KAPPA casefolds to kappa, whose skeleton is U+0138 KRA; the capital's skeleton is "K".
		String skeletonFirst = caseAndAccentFold(SPOOF_CHECKER.getSkeleton(original));
		return isAscii(skeletonFirst) ? skeletonFirst : skeleton;
	}

	/** NFKC_Casefold, then canonical decomposition without nonspacing marks; invisibles removed. */
	private static String caseAndAccentFold(String value) {
		String decomposed = NFD.normalize(NFKC_CASEFOLD.normalize(value));
		StringBuilder out = new StringBuilder(decomposed.length());
		decomposed.codePoints()
			.filter(c -> Character.getType(c) != Character.NON_SPACING_MARK && !Text.isIgnorable(c))
			.forEach(c -> out.appendCodePoint(Text.isWhitespace(c) ? ' ' : c));
		return out.toString();
	}

	private static boolean isAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

}
