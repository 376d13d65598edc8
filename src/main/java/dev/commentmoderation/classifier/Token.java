package dev.commentmoderation.classifier;

/**
 * One feature of a comment: a namespaced token ({@code w:free}, {@code host:example.com}, ...) and, when it comes
 * from the content, the code point range of the content it was read from (end exclusive); {@code -1, -1} when it
 * comes from another field or from the comment as a whole.
 */
public record Token(String text, int start, int end) {

	/** A token that has no place in the content. */
	public static Token of(String text) {
		return new Token(text, -1, -1);
	}

	/** Whether the token has a range in the content. */
	public boolean inContent() {
		return this.start >= 0;
	}

}
