package dev.commentmoderation.stage.bench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.rules.CommentModerator;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.stage.CommentRules;
import dev.commentmoderation.stage.PendingComment;
import dev.commentmoderation.stage.RulesStage;
import dev.commentmoderation.stage.StateCodec;
import dev.commentmoderation.stage.ToAuthor;

/**
 * A pending comment carried between the stages with a policy's decision rules (an action override, scores,
 * thresholds, a flood interval): written as the first stage writes it and read as the IP and author stages read it.
 * The part of {@code StagePathBenchmark.stagesAsCarried} that the way the rules travel changes, without the stages'
 * work around it. Run with
 * {@code ./mvnw -Pbenchmark test-compile exec:exec -Djmh.include=PendingCommentCodecBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PendingCommentCodecBenchmark {

	private ToAuthor pending;

	private byte[] written;

	@Setup
	public void setUp() {
		RuleActions actions = new RuleActions(Map.of(ReasonCode.BLOCKED_TERM, RuleAction.HOLD),
				Map.of(ReasonCode.LINK, new BigDecimal("1.5"), ReasonCode.NEW_AUTHOR, new BigDecimal("2")),
				new BigDecimal("3"), new BigDecimal("8.25"));
		CommentModerator moderator = new CommentModerator(RuleSettings.DEFAULTS.withActions(actions));
		DecisionRules rules = new DecisionRules(actions, Duration.ofSeconds(15), 2, null, null,
				Set.of(ReasonCode.HELD_TERM));
		CommentRules commentRules = (comment) -> new CommentRules.Applied("v-1", "kids-corner",
				moderator.reasons(comment), rules);
		Instant t0 = Instant.parse("2026-11-29T10:00:00Z");
		RulesStage stage = new RulesStage(commentRules, new DecisionWriter(), Clock.fixed(t0, ZoneOffset.UTC), null,
				null);
		String json = """
				{"commentId":"c-1","postId":"p","siteId":"kids","content":"Details at https://example.org/talk, \
				a comment of a few sentences as most are, with a link and nothing else remarkable about it.",
				 "author":{"name":"Jane","email":"jane@example.org","ip":"203.0.113.7"},\
				"submittedAt":"2026-11-29T10:00:00Z"}""";
		PendingComment comment = ((RulesStage.Pending) stage.apply(json.getBytes(), t0)).pending();
		this.pending = new ToAuthor(comment, null, null);
		this.written = StateCodec.write(this.pending);
	}

	/** What the first stage does with each pending comment. */
	@Benchmark
	public byte[] write() {
		return StateCodec.write(this.pending);
	}

	/** What the author stage does with each (and the IP stage with one from a version before its headers). */
	@Benchmark
	public ToAuthor read() {
		return StateCodec.read(this.written, ToAuthor.class);
	}

}
