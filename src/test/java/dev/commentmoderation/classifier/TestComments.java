package dev.commentmoderation.classifier;

import java.time.Instant;

import dev.commentmoderation.rules.Author;
import dev.commentmoderation.rules.Comment;

/** Comments for the classifier tests: only what the features read varies. */
final class TestComments {

	static final Instant SUBMITTED = Instant.parse("2026-03-01T12:00:30Z");

	private TestComments() {
	}

	static Comment content(String id, String content) {
		return comment(id, "Jane Doe", "jane@example.com", null, content);
	}

	static Comment comment(String id, String name, String email, String url, String content) {
		return new Comment(id, "p-1", "s-1", null, new Author(name, email, url, "203.0.113.7", "JUnit"), content,
				SUBMITTED, SUBMITTED.minusSeconds(60), null);
	}

	/** A model that learned {@code spam} spam comments and {@code ham} ham comments of two distinct vocabularies. */
	static InMemoryModel trained(int spam, int ham) {
		InMemoryModel model = new InMemoryModel(ModelSelector.SHARED, 100_000);
		for (int i = 0; i < spam; i++) {
			model.learn(Features.of(content("s" + i, "win a free prize now, claim cash " + i)).texts(), Label.SPAM);
		}
		for (int i = 0; i < ham; i++) {
			model.learn(Features.of(content("h" + i, "see you at the meeting tomorrow, thanks " + i)).texts(),
					Label.HAM);
		}
		return model;
	}

}
