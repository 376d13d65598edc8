package dev.commentmoderation.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.events.EnvelopeError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * contract/asyncapi.yaml is an AsyncAPI 3.0.0 document that agrees with the service: its channels are the
 * default topics of application.yml, its payloads are the JSON Schema files, and every reference resolves.
 */
class AsyncApiDocumentTests {

	private static final Path DOCUMENT = ContractSchemas.CONTRACT.resolve("asyncapi.yaml");

	private static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static JsonNode asyncApi;

	@BeforeAll
	static void parse() {
		asyncApi = YAML.readTree(DOCUMENT.toFile());
	}

	@Test
	void isAnAsyncApi300DocumentWithALocalKafkaServer() {
		assertThat(asyncApi.path("asyncapi").asString()).isEqualTo("3.0.0");
		assertThat(asyncApi.path("info").path("title").asString()).isNotBlank();
		assertThat(asyncApi.path("info").path("version").asString()).isNotBlank();
		assertThat(asyncApi.path("info").path("description").asString()).contains("read_committed");
		JsonNode local = asyncApi.path("servers").path("local");
		assertThat(local.path("host").asString()).isEqualTo("localhost:9092");
		assertThat(local.path("protocol").asString()).isEqualTo("kafka");
	}

	@Test
	void hasAChannelForEachTopicAtItsDefaultAddressInApplicationYml() {
		JsonNode topics = YAML.readTree(ContractSchemas.PROJECT.resolve("src/main/resources/application.yml").toFile())
			.path("moderation")
			.path("topics");
		Map<String, String> expected = new TreeMap<>();
		for (String setting : List.of("submitted", "approved", "rejected", "dead-letter", "held", "reviewed",
				"author-actions")) {
			assertThat(topics.path(setting).isString()).as("moderation.topics.%s in application.yml", setting).isTrue();
			expected.put(setting, topics.path(setting).asString());
		}
		Map<String, String> declared = new TreeMap<>();
		for (Map.Entry<String, JsonNode> channel : asyncApi.path("channels").properties()) {
			String description = channel.getValue().path("description").asString();
			String setting = expected.keySet()
				.stream()
				.filter(s -> description.contains("`moderation.topics." + s + "`"))
				.findFirst()
				.orElseThrow(() -> new AssertionError(channel.getKey() + " names no moderation.topics.* setting"));
			declared.put(setting, channel.getValue().path("address").asString());
			assertThat(channel.getValue().path("bindings").path("kafka").path("topic").asString())
				.isEqualTo(channel.getValue().path("address").asString());
		}
		assertThat(declared).isEqualTo(expected);
	}

	@Test
	void theServiceReceivesSubmittedReviewedAndAuthorActionsAndSendsTheOtherFour() {
		Map<String, String> actions = new TreeMap<>();
		for (Map.Entry<String, JsonNode> operation : asyncApi.path("operations").properties()) {
			String channel = operation.getValue().path("channel").path("$ref").asString();
			actions.put(resolve(channel).path("address").asString(), operation.getValue().path("action").asString());
		}
		assertThat(actions).isEqualTo(Map.of("comments.submitted", "receive", "comments.approved", "send",
				"comments.rejected", "send", "comments.submitted.DLT", "send", "comments.held", "send",
				"comments.reviewed", "receive", "comments.author-actions", "receive"));
	}

	@Test
	void payloadsAreTheJsonSchemaFilesInDraft202012Format() {
		JsonNode messages = asyncApi.path("components").path("messages");
		assertThat(messages.path("CommentSubmitted").path("payload").path("schemaFormat").asString()).isEqualTo(SCHEMA_FORMAT);
		assertThat(messages.path("CommentSubmitted").path("payload").path("schema").path("$ref").asString())
			.isEqualTo("./comment-submitted.schema.json");
		assertThat(messages.path("ModerationDecision").path("payload").path("schemaFormat").asString())
			.isEqualTo(SCHEMA_FORMAT);
		assertThat(messages.path("ModerationDecision").path("payload").path("schema").path("$ref").asString())
			.isEqualTo("./moderation-decision.schema.json");
		assertThat(messages.path("ModeratorReview").path("payload").path("schema").path("$ref").asString())
			.isEqualTo("./moderator-review.schema.json");
		for (String message : List.of("CommentSubmitted", "ModerationDecision", "ModeratorReview", "DeadLetter")) {
			assertThat(messages.path(message).path("bindings").path("kafka").path("key").path("type").asString())
				.as("%s key schema", message)
				.isEqualTo("string");
		}
	}

	@Test
	void theDeadLetterHeadersAreSpringsPlusTheErrorCodeWithEveryEnvelopeError() {
		JsonNode headers = resolve(asyncApi.path("components").path("messages").path("DeadLetter").path("headers")
			.path("$ref").asString());
		List<String> names = new ArrayList<>();
		headers.path("properties").properties().forEach(e -> names.add(e.getKey()));
		assertThat(names).containsExactlyInAnyOrder("kafka_dlt-original-topic", "kafka_dlt-original-partition",
				"kafka_dlt-original-offset", "kafka_dlt-original-timestamp", "kafka_dlt-exception-fqcn",
				"kafka_dlt-exception-cause-fqcn", "kafka_dlt-exception-message", "kafka_dlt-exception-stacktrace",
				"moderation_dlt-error-code");
		List<String> codes = new ArrayList<>();
		headers.path("properties").path("moderation_dlt-error-code").path("enum").forEach(c -> codes.add(c.asString()));
		assertThat(codes).containsExactly(
				java.util.Arrays.stream(EnvelopeError.values()).map(Enum::name).toArray(String[]::new));
	}

	@Test
	void everyReferenceResolvesToAFileOrAnExistingNode() throws Exception {
		List<String> refs = new ArrayList<>();
		collectRefs(asyncApi, refs);
		assertThat(refs).isNotEmpty();
		for (String ref : refs) {
			int hash = ref.indexOf('#');
			String file = (hash < 0) ? ref : ref.substring(0, hash);
			String pointer = (hash < 0) ? "" : ref.substring(hash + 1);
			JsonNode target;
			if (file.isEmpty()) {
				target = asyncApi;
			}
			else {
				Path path = DOCUMENT.getParent().resolve(file).normalize();
				assertThat(path).as("$ref %s", ref).isRegularFile();
				target = file.endsWith(".json") ? JsonMapper.builder().build().readTree(Files.readString(path))
						: YAML.readTree(path.toFile());
			}
			assertThat(target.at(pointer).isMissingNode()).as("$ref %s points at nothing", ref).isFalse();
		}
	}

	private static JsonNode resolve(String localRef) {
		assertThat(localRef).startsWith("#/");
		JsonNode node = asyncApi.at(localRef.substring(1));
		assertThat(node.isMissingNode()).as("$ref %s", localRef).isFalse();
		return node;
	}

	private static void collectRefs(JsonNode node, List<String> refs) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				if (entry.getKey().equals("$ref") && entry.getValue().isString()) {
					refs.add(entry.getValue().asString());
				}
				else {
					collectRefs(entry.getValue(), refs);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach(child -> collectRefs(child, refs));
		}
	}

}
