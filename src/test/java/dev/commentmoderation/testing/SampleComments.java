package dev.commentmoderation.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Comment events as a news site's backend publishes them. */
public final class SampleComments {

	private SampleComments() {
	}

	public static byte[] valid(String commentId) {
		return comment(commentId, "Jane Doe", "jane@example.org", "Thanks for the write-up, very clear.");
	}

	public static byte[] withoutEmail(String commentId) {
		return comment(commentId, "Jane Doe", "", "Thanks for the write-up, very clear.");
	}

	public static byte[] comment(String commentId, String name, String email, String content) {
		return comment(commentId, name, email, "203.0.113.7", content);
	}

	public static byte[] comment(String commentId, String name, String email, String ip, String content) {
		return comment(commentId, "example-news", name, email, ip, content);
	}

	public static byte[] comment(String commentId, String siteId, String name, String email, String ip,
			String content) {
		Instant rendered = Instant.parse("2026-11-28T03:33:10Z");
		return """
				{"commentId":"%s","postId":"security-talks-geneva","siteId":"%s","parentId":null,
				 "author":{"name":"%s","email":"%s","url":"https://jane.example","ip":"%s",
				           "userAgent":"Mozilla/5.0"},
				 "content":"%s","submittedAt":"%s","formRenderedAt":"%s","honeypot":""}"""
			.formatted(commentId, siteId, name, email, ip, content, rendered.plusSeconds(50), rendered)
			.getBytes(StandardCharsets.UTF_8);
	}

}
