package dev.commentmoderation.demosite;

import java.io.Serializable;

/**
 * What the commenter typed into the form, as posted. Field names are WordPress's: comment, author, email, url.
 * {@code subject} is the honeypot (hidden from people), {@code renderedAt} the time the form was rendered.
 */
public record CommentForm(String comment, String author, String email, String url, String subject,
		String renderedAt) implements Serializable {

	public static CommentForm empty() {
		return new CommentForm("", "", "", "", "", null);
	}

	/** The same values, for a form rendered now: what the commenter typed, with a fresh render time. */
	public CommentForm renderedAt(String time) {
		return new CommentForm(this.comment, this.author, this.email, this.url, "", time);
	}

}
