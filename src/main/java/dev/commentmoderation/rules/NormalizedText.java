package dev.commentmoderation.rules;

/**
 * A text folded by {@link TextNormalizer}, remembering for every normalized char which code point of the
 * original value produced it, so a hit in the normalized text maps back to code point offsets in the original.
 */
public final class NormalizedText {

	private final int[] originalCodePoints;

	private final String normalized;

	private final int[] originIndex;

	NormalizedText(int[] originalCodePoints, String normalized, int[] originIndex) {
		this.originalCodePoints = originalCodePoints;
		this.normalized = normalized;
		this.originIndex = originIndex;
	}

	/** The folded text: casefolded, compatibility-mapped, accent-free, invisibles removed, spaces collapsed. */
	public String normalized() {
		return normalized;
	}

	/** The code points of the original value. */
	int[] originalCodePoints() {
		return originalCodePoints;
	}

	/** The index of the original code point that produced normalized char {@code normalizedIndex}. */
	public int originOf(int normalizedIndex) {
		return originIndex[normalizedIndex];
	}

	/**
	 * Whether the normalized range [start, end) starts and ends on the output of whole original code points
	 * (so "ish" is not found inside the "fi" produced by the ligature U+FB01).
	 */
	boolean isAligned(int start, int end) {
		boolean startAligned = start == 0 || originIndex[start - 1] != originIndex[start];
		boolean endAligned = end == normalized.length() || originIndex[end] != originIndex[end - 1];
		return startAligned && endAligned;
	}

}
