package dev.commentmoderation.stream;

/** Where a processed record goes, with the value bytes it carries there. */
record Route(Destination destination, byte[] value) {

	enum Destination {

		APPROVED, REJECTED, DEAD_LETTER

	}

}
