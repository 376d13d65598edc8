package dev.commentmoderation.testing;

/** The service's default topic names, for tests that create topics themselves or read every output. */
public final class ServiceTopics {

	public static final String SUBMITTED = "comments.submitted";

	public static final String DEAD_LETTER = "comments.submitted.DLT";

	/** Every topic the service reads or writes, besides its internal ones. */
	public static final String[] ALL = { SUBMITTED, "comments.approved", "comments.rejected", "comments.held",
			"comments.reviewed", "comments.author-actions", "comments.classifier-model", DEAD_LETTER };

	/** Where a submitted record ends: a decision (first decisions include HELD) or a dead letter. */
	public static final String[] OUTCOMES = { "comments.approved", "comments.rejected", "comments.held",
			DEAD_LETTER };

	private ServiceTopics() {
	}

}
