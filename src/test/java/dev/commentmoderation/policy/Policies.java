package dev.commentmoderation.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;

/** Policy files for tests, loaded over the built-in defaults. */
final class Policies {

	static final PolicyLoader.Base BASE = new PolicyLoader.Base(RuleSettings.DEFAULTS,
			DecisionRules.of(RuleActions.DEFAULTS, StatefulSettings.DEFAULTS));

	static final PolicyLoader LOADER = new PolicyLoader(BASE, Duration.ofHours(1),
			Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC));

	private Policies() {
	}

	static Policy parse(String yaml) {
		return LOADER.parse(yaml.getBytes(StandardCharsets.UTF_8), Path.of("policy.yaml"));
	}

	static Path write(Path file, String yaml) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, yaml, StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
