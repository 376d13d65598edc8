package dev.commentmoderation.rules;

/**
 * Applies every rule to a comment and collects every reason, not only the first. Thread-safe and immutable:
 * build one per settings and share it.
 */
public final class CommentModerator {

	private final RuleSettings settings;

	public CommentModerator(RuleSettings settings) {
		this.settings = settings;
	}

	public Verdict moderate(Comment comment) {
		throw new UnsupportedOperationException("TODO: rules core");
	}

}
