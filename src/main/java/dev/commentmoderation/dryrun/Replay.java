package dev.commentmoderation.dryrun;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.classifier.ModelView;
import dev.commentmoderation.classifier.SpamClassifier;
import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.policy.Policy;
import dev.commentmoderation.policy.SitePolicy;
import dev.commentmoderation.rules.StatefulSettings;
import dev.commentmoderation.stage.AuthorStage;
import dev.commentmoderation.stage.CommentClassifier;
import dev.commentmoderation.stage.CommentRules;
import dev.commentmoderation.stage.IpRecord;
import dev.commentmoderation.stage.IpStage;
import dev.commentmoderation.stage.MapStores;
import dev.commentmoderation.stage.PendingComment;
import dev.commentmoderation.stage.RulesStage;
import dev.commentmoderation.stage.Store;

/**
 * One policy applied to a file of comments, in file order, through the service's own stages ({@code stage.RulesStage},
 * {@code IpStage}, {@code AuthorStage}) over empty in-memory stores: the envelope (a line that is not a comment event
 * is a dead letter), the site's stateless rules and the classifier (with a model), then for a comment with a valid
 * author email the IP stage and the author stage. A comment's time (the record timestamp in the service) is its
 * submittedAt, or the previous line's when it has none. Single use.
 */
final class Replay {

	/** One non-blank line of the file, as bytes (the parser checks the UTF-8). */
	record Line(int number, byte[] bytes) {
	}

	/** A model file's model and the classifier settings it is scored with. */
	record Scoring(ModelView model, ClassifierSettings settings) {
	}

	/** Out-of-order slack on top of the longest flood interval, as the service keeps IP records. */
	private static final Duration FLOOD_SLACK = Duration.ofMinutes(1);

	private final RulesStage rules;

	private final IpStage ips;

	private final AuthorStage authors;

	private final Store<String, IpRecord> ipRecords = MapStores.keyValue();

	private final AuthorStage.State authorState = MapStores.authorStage();

	/** The outcome reported for each commentId, shown again for a resubmission. */
	private final Map<String, Outcome> outcomes = new HashMap<>();

	private Instant time;

	/**
	 * @param settings retentions (the service's moderation.rules.*: a policy file does not set them)
	 * @param start the time of the first lines when they have no submittedAt
	 * @param scoring the model to score each comment with, as the service's first stage; null for none
	 */
	Replay(Policy policy, StatefulSettings settings, Instant start, Scoring scoring) {
		Objects.requireNonNull(policy, "policy");
		DecisionWriter writer = new DecisionWriter();
		Clock clock = Clock.fixed(start, ZoneOffset.UTC);
		CommentClassifier classifier = (scoring != null) ? new CommentClassifier(scoring.settings()) : null;
		this.rules = new RulesStage(CommentRules.of(() -> policy), writer, clock, classifier,
				(scoring != null)
						? (comment, features) -> SpamClassifier.classify(features, scoring.model(), scoring.settings())
						: null);
		this.ips = new IpStage(longestFloodInterval(policy).plus(FLOOD_SLACK));
		this.authors = new AuthorStage(settings, writer, clock);
		this.time = Objects.requireNonNull(start, "start");
	}

	static List<Outcome> run(Policy policy, StatefulSettings settings, Instant start, List<Line> lines) {
		return run(policy, settings, start, lines, null);
	}

	static List<Outcome> run(Policy policy, StatefulSettings settings, Instant start, List<Line> lines,
			Scoring scoring) {
		Replay replay = new Replay(policy, settings, start, scoring);
		List<Outcome> outcomes = new ArrayList<>(lines.size());
		for (Line line : lines) {
			outcomes.add(replay.apply(line));
		}
		return outcomes;
	}

	Outcome apply(Line line) {
		RulesStage.Result result = this.rules.apply(line.bytes(), this.time);
		if (result instanceof RulesStage.Invalid invalid) {
			return Outcome.deadLettered(line.number(), invalid.failure().error());
		}
		if (result instanceof RulesStage.Decided decided) {
			this.time = recordTime(decided.comment().submittedAt());
			return Outcome.decided(line.number(), decided.comment().commentId(), decided.site(), decided.verdict());
		}
		RulesStage.Pending pending = (RulesStage.Pending) result;
		this.time = recordTime(pending.comment().submittedAt());
		try {
			return moderate(line.number(), pending.pending(), this.time);
		}
		catch (RuntimeException | StackOverflowError ex) {
			// as the service: a failure of its own code on one comment dead-letters that comment
			return Outcome.deadLettered(line.number(), EnvelopeError.PROCESSING_FAILED);
		}
	}

	private Outcome moderate(int line, PendingComment comment, Instant at) {
		Instant previousFromIp = this.ips.previousComment(comment.ip(), comment.commentId(), at,
				comment.decisionRules().floodInterval(), this.ipRecords);
		AuthorStage.Result result = this.authors.moderate(comment, previousFromIp, at.toEpochMilli(),
				this.authorState);
		if (result instanceof AuthorStage.Resubmitted) {
			return this.outcomes.get(comment.commentId()).resubmittedOn(line);
		}
		AuthorStage.Decided decided = (AuthorStage.Decided) result;
		Outcome outcome = Outcome.decided(line, comment.commentId(), decided.site(), decided.verdict(),
				comment.classification());
		this.outcomes.put(comment.commentId(), outcome);
		return outcome;
	}

	/** Record timestamps, which the service's stores key by, are milliseconds. */
	private static Instant recordTime(Instant submittedAt) {
		return submittedAt.truncatedTo(ChronoUnit.MILLIS);
	}

	private static Duration longestFloodInterval(Policy policy) {
		Duration longest = policy.defaults().decisionRules().floodInterval();
		for (SitePolicy site : policy.sites().values()) {
			Duration interval = site.decisionRules().floodInterval();
			longest = (interval.compareTo(longest) > 0) ? interval : longest;
		}
		return longest;
	}

}
