package dev.commentmoderation.stream;

/** Where a processed record goes, with the value bytes it carries there. */
record Route(Destination destination, byte[] value) {

	enum Destination {

		/** Output topics. */
		APPROVED, REJECTED, HELD, DEAD_LETTER,
		/** Internal repartition topics. */
		BY_IP, BY_AUTHOR, TO_COMMENT

	}

}
