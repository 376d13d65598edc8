package dev.commentmoderation.stream;

import dev.commentmoderation.rules.Decision;

/** Where a processed record goes, with the value bytes it carries there. */
record Route(Destination destination, byte[] value) {

	enum Destination {

		/** Output topics (MODEL: the classifier's compacted model topic). */
		APPROVED, REJECTED, HELD, DEAD_LETTER, MODEL,
		/** Internal repartition topics. */
		BY_IP, BY_AUTHOR, TO_COMMENT, TO_MODEL;

		/** The output topic of a decision. */
		static Destination of(Decision decision) {
			return switch (decision) {
				case APPROVED -> APPROVED;
				case REJECTED -> REJECTED;
				case HELD -> HELD;
			};
		}

	}

}
