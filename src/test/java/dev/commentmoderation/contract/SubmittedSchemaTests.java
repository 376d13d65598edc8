package dev.commentmoderation.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.commentmoderation.events.CommentEventParser;
import dev.commentmoderation.events.InvalidEnvelopeException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The submitted schema enforces on commentId exactly what the service's envelope does, never more (a site that
 * validates against it must not refuse comments the service would moderate), and nothing else is required.
 */
class SubmittedSchemaTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final CommentEventParser parser = new CommentEventParser();

	@Test
	void acceptsExactlyTheCommentIdsTheServiceAccepts() {
		List<String> ids = new ArrayList<>(List.of("c-8f2e", "x", " x ", "\u00A0", "\u2007", "\u202F", "\uFEFF",
				"\u200B", "\u0085", "\u180E", " \t", "", "\u001C", "\u3000", "\u2028", "\u00A0\u2002",
				"😀".repeat(128), "😀".repeat(129), "é".repeat(128), "é".repeat(129)));
		IntStream.rangeClosed(0, 0x3100)
			.filter(cp -> cp < 0x80 || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
					|| Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.CONTROL)
			.forEach(cp -> ids.add(Character.toString(cp)));
		List<String> disagreements = new ArrayList<>();
		for (String id : ids) {
			byte[] event = MAPPER.writeValueAsBytes(MAPPER.createObjectNode().put("commentId", id));
			boolean serviceAccepts = envelopeAccepts(event);
			boolean schemaAccepts = ContractSchemas.submittedErrors(event).isEmpty();
			if (serviceAccepts != schemaAccepts) {
				disagreements.add(id.codePoints().limit(3).mapToObj(cp -> String.format("U+%04X", cp)).toList()
						+ " (" + id.codePointCount(0, id.length()) + " code points): service "
						+ (serviceAccepts ? "accepts" : "dead-letters") + ", schema "
						+ (schemaAccepts ? "accepts" : "rejects"));
			}
		}
		assertThat(disagreements).isEmpty();
	}

	@Test
	void requiresOnlyACommentId() {
		ContractSchemas.assertValidSubmitted("{\"commentId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(ContractSchemas.submittedErrors("{\"content\":\"hi\"}".getBytes(StandardCharsets.UTF_8)))
			.isNotEmpty();
	}

	@Test
	void acceptsUnknownFieldsAndAnAuthorWithoutAWebsite() {
		ContractSchemas.assertValidSubmitted(("{\"commentId\":\"c-1\",\"rating\":5,\"parentId\":null,"
				+ "\"author\":{\"name\":\"Zoë\",\"email\":\"zoe@example.org\",\"url\":null,\"avatar\":\"x\"}}")
			.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void describesTheIntendedTypesOfTheOtherFields() {
		assertThat(ContractSchemas.submittedErrors(
				"{\"commentId\":\"c-1\",\"content\":42,\"author\":{\"name\":[\"Jane\"]}}".getBytes(StandardCharsets.UTF_8)))
			.hasSize(2);
	}

	private boolean envelopeAccepts(byte[] event) {
		try {
			this.parser.parse(event, Instant.EPOCH);
			return true;
		}
		catch (InvalidEnvelopeException ex) {
			return false;
		}
	}

}
