package dev.commentmoderation.rules;

/** Counts UTF-8 bytes without encoding. */
final class Utf8 {

	private Utf8() {
	}

	/**
	 * The UTF-8 length of {@code value}, or a number just above {@code limit} as soon as it is exceeded (so
	 * oversized input is not walked to its end). An unpaired surrogate counts 3 bytes.
	 */
	static long byteLength(CharSequence value, long limit) {
		long bytes = 0;
		int length = value.length();
		for (int i = 0; i < length && bytes <= limit; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	static long byteLength(CharSequence value) {
		return byteLength(value, Long.MAX_VALUE);
	}

}
