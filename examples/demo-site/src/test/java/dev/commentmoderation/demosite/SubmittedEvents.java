package dev.commentmoderation.demosite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** Checks events against the repository's contract/comment-submitted.schema.json. */
final class SubmittedEvents {

	static final Path CONTRACT = Path.of(System.getProperty("contract.dir", "../../contract"));

	private static final Schema SCHEMA = load();

	private SubmittedEvents() {
	}

	static void assertValid(String json) {
		List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
		if (!errors.isEmpty()) {
			throw new AssertionError("Not a valid CommentSubmitted: " + errors + "\nin: " + json);
		}
	}

	private static Schema load() {
		try {
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(Files.readString(CONTRACT.resolve("comment-submitted.schema.json")), InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
