package dev.commentmoderation.stage;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.rules.CommentModerator;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;

class LegacyFixtureGenerator {

	@Test
	void generate() throws Exception {
		Instant t0 = Instant.parse("2026-11-29T10:00:00Z");
		Clock clock = Clock.fixed(t0, ZoneOffset.UTC);
		RuleActions actions = new RuleActions(Map.of(ReasonCode.BLOCKED_TERM, RuleAction.HOLD),
				Map.of(ReasonCode.LINK, new BigDecimal("1.5"), ReasonCode.NEW_AUTHOR, new BigDecimal("2")),
				new BigDecimal("3"), new BigDecimal("8.25"));
		CommentModerator moderator = new CommentModerator(RuleSettings.DEFAULTS.withActions(actions));
		DecisionRules decisionRules = new DecisionRules(actions, Duration.ofSeconds(15), 2, 0.7, 0.95,
				Set.of(ReasonCode.HELD_TERM));
		CommentRules rules = (comment) -> new CommentRules.Applied("v-legacy", "kids-corner",
				moderator.reasons(comment), decisionRules);
		RulesStage first = new RulesStage(rules, new DecisionWriter(), clock, null, null);
		String json = """
				{"commentId":"c-1","postId":"p","siteId":"kids","content":"Details at https://example.org/talk",
				 "author":{"name":"Jane","email":"jane@example.org","ip":"203.0.113.7"},"submittedAt":"2026-11-29T10:00:00Z"}""";
		PendingComment pending = ((RulesStage.Pending) first.apply(json.getBytes(), t0)).pending();
		Path dir = Path.of("src/test/resources/dev/commentmoderation/stage");
		byte[] smile = StateCodec.write(new ToAuthor(pending, null, null));
		byte[] jsonBytes = StateCodec.JSON.writeValueAsBytes(new ToAuthor(pending, null, null));
		Files.write(dir.resolve("to-author-carried-rules.smile"), smile);
		Files.write(dir.resolve("to-author-carried-rules.json"), jsonBytes);
		AuthorStage authors = new AuthorStage(StatefulSettings.DEFAULTS, new DecisionWriter(), clock);
		PendingComment read = StateCodec.read(smile, ToAuthor.class).comment();
		AuthorStage.Decided decided = (AuthorStage.Decided) authors.moderate(read, null, t0.toEpochMilli(),
				MapStores.authorStage());
		Files.write(dir.resolve("to-author-carried-rules-decision.json"), decided.json());
		AuthorStage.Decided flood = (AuthorStage.Decided) authors.moderate(read, t0.minusSeconds(10),
				t0.toEpochMilli(), MapStores.authorStage());
		Files.write(dir.resolve("to-author-carried-rules-flood-decision.json"), flood.json());
		System.out.println(decided.verdict());
		System.out.println(flood.verdict());
		System.out.println(read.rules().toDecisionRules());
	}

}
