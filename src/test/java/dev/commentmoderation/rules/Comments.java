package dev.commentmoderation.rules;

import java.time.Instant;

/** A valid comment to start from; each {@code with...} returns a copy with one field changed. */
record Comments(String name, String email, String url, String content, Instant submittedAt,
		Instant formRenderedAt, String honeypot) {

	static final Instant SUBMITTED = Instant.parse("2026-03-01T12:00:30Z");

	static Comments valid() {
		return new Comments("Jane Doe", "jane@example.com", "https://jane.example/about",
				"Thanks for the article, it was a good read.", SUBMITTED, SUBMITTED.minusSeconds(60), null);
	}

	Comments withName(String v) {
		return new Comments(v, email, url, content, submittedAt, formRenderedAt, honeypot);
	}

	Comments withEmail(String v) {
		return new Comments(name, v, url, content, submittedAt, formRenderedAt, honeypot);
	}

	Comments withUrl(String v) {
		return new Comments(name, email, v, content, submittedAt, formRenderedAt, honeypot);
	}

	Comments withContent(String v) {
		return new Comments(name, email, url, v, submittedAt, formRenderedAt, honeypot);
	}

	Comments withTimes(Instant formRenderedAt, Instant submittedAt) {
		return new Comments(name, email, url, content, submittedAt, formRenderedAt, honeypot);
	}

	Comments withHoneypot(String v) {
		return new Comments(name, email, url, content, submittedAt, formRenderedAt, v);
	}

	Comment build() {
		return new Comment("c-1", "p-1", "s-1", null, new Author(name, email, url, "203.0.113.7", "JUnit"), content,
				submittedAt, formRenderedAt, honeypot);
	}

	Verdict moderate() {
		return moderate(RuleSettings.DEFAULTS);
	}

	Verdict moderate(RuleSettings settings) {
		return new CommentModerator(settings).moderate(build());
	}

	static RuleSettings blocking(String... terms) {
		return RuleSettings.DEFAULTS.withBlockedTerms(java.util.List.of(terms));
	}

}
