package dev.commentmoderation.stream;

/** Where a processed record goes, with the value bytes it carries there. */
record Route(Destination destination, byte[] value) {

	enum Destination {

		/** Output topics (MODEL: the classifier's compacted model topic). */
		APPROVED, REJECTED, HELD, DEAD_LETTER, MODEL,
		/** Internal repartition topics. */
		BY_IP, BY_AUTHOR, TO_COMMENT, TO_MODEL

	}

}
