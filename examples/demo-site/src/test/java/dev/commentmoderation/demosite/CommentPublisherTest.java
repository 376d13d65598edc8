package dev.commentmoderation.demosite;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The CommentSubmitted event the form becomes, checked against the contract's schema. */
class CommentPublisherTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final CommentPublisher publisher = new CommentPublisher(null, this.json,
			new DemoSiteProperties("demo-site", Path.of("data"), ZoneId.of("UTC"), "comments.submitted", "x"));

	@Test
	void aFilledInFormBecomesAContractEvent() {
		Map<String, Object> event = this.publisher.event("c-1", "night-trains-return",
				new CommentForm("Hello", "Ada", "ada@example.org", " https://ada.example ", "", "2026-11-28T06:00:00Z"),
				"203.0.113.7", "Mozilla/5.0");
		SubmittedEvents.assertValid(this.json.writeValueAsString(event));
		assertThat(event).containsEntry("commentId", "c-1").containsEntry("postId", "night-trains-return")
			.containsEntry("siteId", "demo-site").containsEntry("content", "Hello").containsEntry("honeypot", "")
			.containsEntry("formRenderedAt", "2026-11-28T06:00:00Z").containsKey("submittedAt");
		assertThat(event.get("author")).isEqualTo(Map.of("name", "Ada", "email", "ada@example.org", "url",
				"https://ada.example", "ip", "203.0.113.7", "userAgent", "Mozilla/5.0"));
	}

	@Test
	void emptyFieldsAreSentForTheServiceToJudgeAndAnEmptyWebsiteIsNull() {
		Map<String, Object> event = this.publisher.event("c-2", "p", new CommentForm(null, "", "", "  ", "x", "garbage"),
				null, null);
		SubmittedEvents.assertValid(this.json.writeValueAsString(event));
		assertThat(event).containsEntry("content", "").containsEntry("honeypot", "x").containsEntry("formRenderedAt", null);
		assertThat((Map<String, Object>) event.get("author")).containsEntry("url", null).containsEntry("email", "");
	}

}
