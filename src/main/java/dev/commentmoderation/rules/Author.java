package dev.commentmoderation.rules;

/** The person behind a comment, as the site's comment form captured them. Every field may be null. */
public record Author(String name, String email, String url, String ip, String userAgent) {

	public static final Author NONE = new Author(null, null, null, null, null);

}
