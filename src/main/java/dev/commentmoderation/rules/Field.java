package dev.commentmoderation.rules;

import java.util.function.Function;

/** The comment fields the rules look at, in reporting order, with their JSON paths. */
enum Field {

	NAME("author.name", c -> c.author().name()),

	EMAIL("author.email", c -> c.author().email()),

	URL("author.url", c -> c.author().url()),

	CONTENT("content", Comment::content);

	static final String HONEYPOT = "honeypot";

	static final String FORM_RENDERED_AT = "formRenderedAt";

	private final String path;

	private final Function<Comment, String> value;

	Field(String path, Function<Comment, String> value) {
		this.path = path;
		this.value = value;
	}

	String path() {
		return path;
	}

	String valueOf(Comment comment) {
		return value.apply(comment);
	}

	int maxBytes(RuleSettings settings) {
		return switch (this) {
			case NAME -> settings.maxNameBytes();
			case EMAIL -> settings.maxEmailBytes();
			case URL -> settings.maxUrlBytes();
			case CONTENT -> settings.maxContentBytes();
		};
	}

	/** How a message names this field to the commenter: "Your name", "Your comment", ... */
	String label() {
		return switch (this) {
			case NAME -> "Your name";
			case EMAIL -> "Your email address";
			case URL -> "Your website address";
			case CONTENT -> "Your comment";
		};
	}

}
