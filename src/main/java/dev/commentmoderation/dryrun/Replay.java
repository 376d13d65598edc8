package dev.commentmoderation.dryrun;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.classifier.ClassifierReason;
import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.classifier.Features;
import dev.commentmoderation.classifier.ModelView;
import dev.commentmoderation.classifier.SpamClassifier;
import dev.commentmoderation.events.CommentEventParser;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.policy.Policy;
import dev.commentmoderation.policy.SitePolicy;
import dev.commentmoderation.rules.AuthorHistory;
import dev.commentmoderation.rules.Authors;
import dev.commentmoderation.rules.Comment;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.InMemoryAuthorHistory;
import dev.commentmoderation.rules.IpFloodCheck;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.StatefulModerator;
import dev.commentmoderation.rules.StatefulSettings;
import dev.commentmoderation.rules.Verdict;

/**
 * One policy applied to a file of comments, in file order, as the service's topology would apply it with empty
 * state stores: the envelope (a line that is not a comment event is a dead letter), the site's stateless rules,
 * then for a comment with a valid author email the IP flood stage and the author stage (resubmission, DUPLICATE,
 * FLOOD, NEW_AUTHOR, trusted authors) over an in-memory history. A comment's time (the record timestamp in the
 * service) is its submittedAt, or the previous line's when it has none. Single use.
 */
final class Replay {

	/** One non-blank line of the file, as bytes (the parser checks the UTF-8). */
	record Line(int number, byte[] bytes) {
	}

	private final CommentEventParser parser = new CommentEventParser();

	private final Policy policy;

	private final StatefulModerator stateful;

	private final AuthorHistory history = new InMemoryAuthorHistory();

	/** ip-last-comment: the commentId of each IP's comments by time. */
	private final WindowMap<String> ipLastComment = new WindowMap<>();

	private final IpFloodCheck.IpComments ipComments = new IpFloodCheck.IpComments() {

		@Override
		public void latestFirst(String ip, Instant since, Predicate<Map.Entry<Instant, String>> visitor) {
			for (Map.Entry<Instant, String> entry : Replay.this.ipLastComment.since(ip, since)
				.descendingMap()
				.entrySet()) {
				if (!visitor.test(entry)) {
					return;
				}
			}
		}

		@Override
		public void put(String ip, Instant at, String commentId) {
			Replay.this.ipLastComment.put(ip, at, commentId);
		}

	};

	/** decisions: each commentId's decision by time. */
	private final WindowMap<Outcome> decisions = new WindowMap<>();

	private Instant time;

	/** The model each comment is scored with, and the thresholds; null without {@code --model}. */
	private final Scoring scoring;

	/** A model file's model and the classifier settings it is scored with. */
	record Scoring(ModelView model, ClassifierSettings settings) {
	}

	/**
	 * @param settings retentions (the service's moderation.rules.*: a policy file does not set them)
	 * @param start the time of the first lines when they have no submittedAt
	 */
	Replay(Policy policy, StatefulSettings settings, Instant start, Scoring scoring) {
		this.policy = Objects.requireNonNull(policy, "policy");
		this.scoring = scoring;
		// as ModerationTopology builds it: the decision rules come from the comment's policy
		this.stateful = new StatefulModerator(RuleActions.DEFAULTS, settings);
		this.time = Objects.requireNonNull(start, "start");
	}

	static List<Outcome> run(Policy policy, StatefulSettings settings, Instant start, List<Line> lines) {
		return run(policy, settings, start, lines, null);
	}

	/** @param scoring the model to score each comment with, as the service's first stage; null for none */
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
		Comment comment;
		try {
			comment = this.parser.parse(line.bytes(), this.time).comment();
		}
		catch (InvalidEnvelopeException ex) {
			return Outcome.deadLettered(line.number(), ex.error());
		}
		// record timestamps, which the service's stores key by, are milliseconds
		this.time = comment.submittedAt().truncatedTo(ChronoUnit.MILLIS);
		try {
			return moderate(line.number(), comment, this.time);
		}
		catch (RuntimeException | StackOverflowError ex) {
			// as the service: a failure of its own code on one comment dead-letters that comment
			return Outcome.deadLettered(line.number(), EnvelopeError.PROCESSING_FAILED);
		}
	}

	private Outcome moderate(int line, Comment comment, Instant at) {
		SitePolicy site = this.policy.forSite(comment.siteId());
		List<Reason> reasons = site.moderator().reasons(comment);
		Optional<String> author = Authors.normalizedEmail(comment);
		if (author.isEmpty()) {
			// the first stage decides these at once, with no state
			return Outcome.decided(line, comment.commentId(), site.site(),
					site.decisionRules().actions().decide(reasons, false));
		}
		DecisionRules decisionRules = site.decisionRules();
		Classification classification = null;
		if (this.scoring != null) {
			// as ModerateCommentProcessor: at the site's thresholds (its policy's, else --hold / --reject)
			// SPAM_CLASSIFIER joins the rules' reasons, and rejects at reject-at where the policy leaves it to hold
			classification = SpamClassifier.classify(Features.of(comment), this.scoring.model(),
					this.scoring.settings());
			Classification.Outcome outcome = ClassifierReason.outcome(classification, decisionRules,
					this.scoring.settings());
			if (outcome != null) {
				reasons = new ArrayList<>(reasons);
				reasons.add(ClassifierReason.of(classification));
				if (outcome == Classification.Outcome.REJECT
						&& decisionRules.actions().of(ReasonCode.SPAM_CLASSIFIER) == RuleAction.HOLD) {
					decisionRules = rejecting(decisionRules);
				}
			}
		}
		Instant previousFromIp = IpFloodCheck.previousComment(Authors.ip(comment).orElse(null), comment.commentId(),
				at, site.decisionRules().floodInterval(), this.ipComments);
		Outcome earlier = this.decisions.latest(comment.commentId(),
				at.minus(this.stateful.settings().decisionRetention()));
		if (earlier != null) {
			return earlier.resubmittedOn(line);
		}
		StatefulModerator.Submission submission = new StatefulModerator.Submission(comment.commentId(),
				author.get(), Authors.fingerprint(author.get(), comment), at, previousFromIp);
		Verdict verdict = this.stateful.moderate(submission, reasons, this.history, decisionRules);
		Outcome outcome = Outcome.decided(line, comment.commentId(), site.site(), verdict, classification);
		this.decisions.put(comment.commentId(), at, outcome);
		return outcome;
	}

	/** The site's decision rules with SPAM_CLASSIFIER rejecting, for a probability at or above reject-at. */
	private static DecisionRules rejecting(DecisionRules rules) {
		RuleActions actions = rules.actions();
		Map<ReasonCode, RuleAction> overrides = new EnumMap<>(actions.asMap());
		overrides.put(ReasonCode.SPAM_CLASSIFIER, RuleAction.REJECT);
		return new DecisionRules(new RuleActions(overrides, actions.scores(), actions.holdAt(), actions.rejectAt()),
				rules.floodInterval(), rules.trustedAuthorMinApproved(), rules.classifierHoldAt(),
				rules.classifierRejectAt());
	}

}
