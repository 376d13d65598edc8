package dev.commentmoderation.demosite;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a submitted form to the moderation service: one CommentSubmitted event (contract/comment-submitted.schema.json)
 * as the UTF-8 JSON value of a record on comments.submitted. This is all a site has to do to submit a comment.
 */
@Component
public class CommentPublisher {

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final DemoSiteProperties properties;

	CommentPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, DemoSiteProperties properties) {
		this.kafka = kafka;
		this.json = json;
		this.properties = properties;
	}

	/** Publishes the comment and returns its commentId, once Kafka has it (acks=all). */
	public String publish(String postId, CommentForm form, String ip, String userAgent) throws Exception {
		// The site chooses the commentId; decisions come back keyed by it.
		String commentId = "c-" + UUID.randomUUID();
		String json = this.json.writeValueAsString(event(commentId, postId, form, ip, userAgent));
		// Key = commentId (any string would do). Wait for the broker's acknowledgement, so that a comment is never
		// reported "awaiting moderation" when it was not received; send() throws when Kafka cannot be reached.
		this.kafka.send(this.properties.submittedTopic(), commentId, json).get(15, TimeUnit.SECONDS);
		return commentId;
	}

	/**
	 * The event, exactly as the contract describes it. Fields are sent as typed: the service decides what is
	 * missing or invalid and says so in the decision's reasons. An empty website is sent as null (no website).
	 */
	Map<String, Object> event(String commentId, String postId, CommentForm form, String ip, String userAgent) {
		Map<String, Object> author = new LinkedHashMap<>();
		author.put("name", nullToEmpty(form.author()));
		author.put("email", nullToEmpty(form.email()));
		author.put("url", blankToNull(form.url()));
		// Optional, and strings when present (the contract has no null for them): left out when unknown.
		if (ip != null) {
			author.put("ip", ip);
		}
		if (userAgent != null) {
			author.put("userAgent", userAgent);
		}
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("commentId", commentId);
		event.put("postId", postId);
		event.put("siteId", this.properties.siteId());
		event.put("parentId", null);
		event.put("author", author);
		event.put("content", nullToEmpty(form.comment()));
		event.put("submittedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
		// The time the form was rendered (a hidden field): lets the service reject forms sent inhumanly fast.
		event.put("formRenderedAt", rfc3339OrNull(form.renderedAt()));
		// The hidden honeypot field: people leave it empty, form-filling bots do not.
		event.put("honeypot", nullToEmpty(form.subject()));
		return event;
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String rfc3339OrNull(String value) {
		try {
			return (value != null) ? OffsetDateTime.parse(value).toInstant().toString() : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
