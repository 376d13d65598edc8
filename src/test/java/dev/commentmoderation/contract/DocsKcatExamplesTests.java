package dev.commentmoderation.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.commentmoderation.testing.ModerationTopologyDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events the README and docs/ publish with kcat ({@code echo 'key|json' | kcat -P ... -t topic}) are valid
 * events of their topic, keyed as docs/integration.md advises, and the comments are decided as the pages say.
 */
class DocsKcatExamplesTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Pattern EXAMPLE = Pattern
		.compile("echo '([^'|]*)\\|(\\{[^']*\\})'\\s*\\\\?\\s*\\|\\s*kcat -P -b \\S+ -t (\\S+)");

	/** What each comment example gets, as the page reads it next: decision and reason codes. */
	private static final Map<String, String> DECIDED = Map.of("c-1", "APPROVED []", "c-2", "REJECTED [BLOCKED_TERM]");

	record Example(String page, String key, String json, String topic) {

		JsonNode event() {
			return MAPPER.readTree(this.json);
		}

	}

	static List<Example> examples() {
		List<Example> examples = new ArrayList<>();
		for (Path page : pages()) {
			Matcher matcher = EXAMPLE.matcher(read(page));
			while (matcher.find()) {
				examples.add(new Example(ContractSchemas.PROJECT.relativize(page).toString(), matcher.group(1),
						matcher.group(2), matcher.group(3)));
			}
		}
		return examples;
	}

	@Test
	void thePagesHaveCommentAndReviewExamples() {
		assertThat(examples()).extracting(Example::topic).contains("comments.submitted", "comments.reviewed");
	}

	@Test
	void everyExampleIsAValidEventOfItsTopic() {
		for (Example example : examples()) {
			byte[] json = example.json().getBytes(StandardCharsets.UTF_8);
			switch (example.topic()) {
				case "comments.submitted" -> ContractSchemas.assertValidSubmitted(json);
				case "comments.reviewed" -> ContractSchemas.assertValidReview(json);
				case "comments.author-actions" -> assertThat(ContractSchemas.authorActionErrors(json))
					.as(example.page() + ": " + example.json())
					.isEmpty();
				default -> throw new AssertionError(example.page() + " publishes to " + example.topic());
			}
		}
	}

	@Test
	void everyCommentIsKeyedByItsPostOrWithoutOneItsCommentId() {
		for (Example example : examples().stream().filter((e) -> e.topic().equals("comments.submitted")).toList()) {
			JsonNode event = example.event();
			String expected = event.path("postId").isString() ? event.path("postId").asString()
					: event.path("commentId").asString();
			assertThat(example.key()).as(example.page() + ": " + example.json()).isEqualTo(expected);
		}
	}

	@Test
	void everyCommentIsDecidedAsThePageSays() {
		for (Example example : examples().stream().filter((e) -> e.topic().equals("comments.submitted")).toList()) {
			String commentId = example.event().path("commentId").asString();
			assertThat(DECIDED).as("the expected decision of %s (%s)", commentId, example.page()).containsKey(commentId);
			// each page's example on a service of its own: the same comment on two pages would be a DUPLICATE
			try (ModerationTopologyHarness topology = new ModerationTopologyHarness()) {
				List<ModerationTopologyDriver.Output> written = topology.send(
						example.key().getBytes(StandardCharsets.UTF_8), example.json().getBytes(StandardCharsets.UTF_8),
						Instant.parse("2026-11-28T10:00:00Z"));
				assertThat(written).as(example.page() + ": " + commentId).hasSize(1);
				JsonNode decision = MAPPER.readTree(written.get(0).value());
				List<String> codes = decision.path("reasons").valueStream().map((r) -> r.path("code").asString()).toList();
				assertThat(decision.path("decision").asString() + " " + codes).as(example.page() + ": " + commentId)
					.isEqualTo(DECIDED.get(commentId));
			}
		}
	}

	private static List<Path> pages() {
		try (Stream<Path> docs = Files.list(ContractSchemas.PROJECT.resolve("docs"))) {
			return Stream.concat(Stream.of(ContractSchemas.PROJECT.resolve("README.md")),
					docs.filter((file) -> file.toString().endsWith(".md")).sorted())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
