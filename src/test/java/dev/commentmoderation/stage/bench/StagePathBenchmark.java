package dev.commentmoderation.stage.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.commentmoderation.events.CommentEventParser;
import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.load.CommentMix;
import dev.commentmoderation.policy.Policy;
import dev.commentmoderation.policy.SitePolicy;
import dev.commentmoderation.rules.CommentModerator;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;
import dev.commentmoderation.stage.AuthorStage;
import dev.commentmoderation.stage.CommentRules;
import dev.commentmoderation.stage.CommentState;
import dev.commentmoderation.stage.CommentStatus;
import dev.commentmoderation.stage.IpRecord;
import dev.commentmoderation.stage.IpStage;
import dev.commentmoderation.stage.MapStores;
import dev.commentmoderation.stage.PendingComment;
import dev.commentmoderation.stage.ReviewStage;
import dev.commentmoderation.stage.RulesStage;
import dev.commentmoderation.stage.StateCodec;
import dev.commentmoderation.stage.Store;
import dev.commentmoderation.stage.ToAuthor;
import dev.commentmoderation.stage.ToComment;

/**
 * The CPU a comment costs on the service's path without Kafka: the load tool's comment mix (seeded) through the
 * stages over in-memory stores, against parsing alone, in one run. {@code stagesAsCarried} adds what the stream does
 * between the stages: each message encoded and decoded as on the internal topics, and the review stage's keep.
 * Run with {@code ./mvnw -Pbenchmark test-compile exec:exec -Djmh.include=StagePathBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StagePathBenchmark {

	static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

	private final List<byte[]> comments = new ArrayList<>();

	private final CommentEventParser parser = new CommentEventParser();

	private RulesStage rules;

	private IpStage ips;

	private AuthorStage authors;

	private ReviewStage reviews;

	private Store<String, IpRecord> ipRecords;

	private AuthorStage.State authorState;

	private ReviewStage.State reviewState;

	private int next;

	private long time;

	@Setup
	public void setUp() {
		CommentMix mix = new CommentMix(1, CommentMix.Shares.DEFAULT);
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 5_000; i++) {
				this.comments.add(mix.next("c-" + round + "-" + i).json());
			}
			mix.newRound();
		}
		CommentModerator moderator = new CommentModerator(RuleSettings.DEFAULTS.withBlockedTerms(List.of(CommentMix.BLOCKED_TERM)));
		DecisionRules decisionRules = DecisionRules.of(RuleActions.DEFAULTS, StatefulSettings.DEFAULTS);
		// as the service applies the policy: through CommentRules.of, which shares the folded content with the stage
		Policy policy = new Policy("v1", null, List.of(), T0,
				new SitePolicy(Policy.DEFAULT_SITE, moderator.settings(), decisionRules, moderator), Map.of());
		CommentRules commentRules = CommentRules.of(() -> policy);
		Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
		DecisionWriter writer = new DecisionWriter();
		this.rules = new RulesStage(commentRules, writer, clock, null, null);
		this.ips = new IpStage(Duration.ofMinutes(2));
		this.authors = new AuthorStage(StatefulSettings.DEFAULTS, writer, clock);
		this.reviews = new ReviewStage(Duration.ofDays(30), Duration.ofDays(7), writer, clock, null);
	}

	/** Empty stores each iteration, so that they hold what one pass over the mix leaves. */
	@Setup(Level.Iteration)
	public void emptyStores() {
		this.ipRecords = MapStores.keyValue();
		this.authorState = MapStores.authorStage();
		this.reviewState = new ReviewStage.State(MapStores.keyValue(), MapStores.timed());
		this.next = 0;
		this.time = T0.toEpochMilli();
	}

	@Benchmark
	public Object parse() {
		return this.parser.parse(comment(), Instant.ofEpochMilli(this.time));
	}

	/** The first stage alone: parse, the rules, the fingerprint (or the decision of a comment without email). */
	@Benchmark
	public Object rulesStage() {
		return this.rules.apply(comment(), Instant.ofEpochMilli(this.time));
	}

	@Benchmark
	public Object stages() {
		RulesStage.Result result = this.rules.apply(comment(), Instant.ofEpochMilli(this.time));
		if (result instanceof RulesStage.Pending pending) {
			return decide(pending.pending(), this.time);
		}
		return result;
	}

	@Benchmark
	public Object stagesAsCarried() {
		RulesStage.Result result = this.rules.apply(comment(), Instant.ofEpochMilli(this.time));
		if (result instanceof RulesStage.Pending pending) {
			byte[] carried = StateCodec.write(new ToAuthor(pending.pending(), null, null));
			PendingComment comment = StateCodec.read(carried, ToAuthor.class).comment();
			Object decided = decide(comment, this.time);
			if (decided instanceof AuthorStage.Decided status) {
				byte[] toReview = StateCodec.write(new ToComment(status.status(), null));
				CommentStatus received = StateCodec.read(toReview, ToComment.class).status();
				this.reviews.decided(received, this.time, this.reviewState);
				// the stream's store serdes encode what the author and review stages keep
				StateCodec.write(this.authorState.authors().get(comment.author()));
				return StateCodec.write(new CommentState(received, List.of(), List.of()));
			}
			return decided;
		}
		return result;
	}

	private Object decide(PendingComment comment, long at) {
		Instant previous = this.ips.previousComment(comment.ip(), comment.commentId(), Instant.ofEpochMilli(at),
				comment.decisionRules().floodInterval(), this.ipRecords);
		return this.authors.moderate(comment, previous, at, this.authorState);
	}

	/** The next comment of the mix, 20 ms after the previous one (50 a second). */
	private byte[] comment() {
		byte[] comment = this.comments.get(this.next);
		this.next = (this.next + 1) % this.comments.size();
		this.time += 20;
		return comment;
	}

}
