package dev.commentmoderation.stage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.classifier.Features;
import dev.commentmoderation.classifier.Label;
import dev.commentmoderation.events.CommentEventParser;
import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.events.SubmittedComment;
import dev.commentmoderation.rules.Authors;
import dev.commentmoderation.rules.Comment;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.NormalizedContent;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.Verdict;

/**
 * The first stage, on the submitted topic's partitions: parses a comment event and runs the stateless rules of the
 * active policy and the spam classifier. A value that is not a comment event is {@link Invalid}; a comment without a
 * valid author email is {@link Decided} here (it needs no state); every other comment is {@link Pending}, for the IP
 * stage (when it has an IP) and the author stage. Nothing thrown here escapes: a failure of any kind is
 * {@link Invalid} with PROCESSING_FAILED.
 */
public final class RulesStage {

	/** Scores a comment with the classifier's model (the stream's global store, or a model file in the dry run). */
	@FunctionalInterface
	public interface Scorer {

		Classification classify(Comment comment, Features features);

	}

	public sealed interface Result permits Invalid, Decided, Pending {
	}

	/** Not a comment event, or the stage failed on it: to the dead-letter topic as received. */
	public record Invalid(InvalidEnvelopeException failure) implements Result {
	}

	/** Decided at once: no valid author email. {@code json} is the decision as written. */
	public record Decided(Comment comment, String site, Verdict verdict, byte[] json) implements Result {
	}

	/**
	 * On to the later stages. {@code labels}: what autolearn learns from this comment's score (none without it).
	 */
	public record Pending(Comment comment, PendingComment pending, List<LabelEvent> labels) implements Result {
	}

	private final CommentEventParser parser = new CommentEventParser();

	private final CommentRules rules;

	private final DecisionWriter writer;

	private final Clock clock;

	/** Null when the classifier is off. */
	private final CommentClassifier classifier;

	private final Scorer scorer;

	/**
	 * @param classifier the classifier's settings as the stages use them, or null when it is off
	 * @param scorer how comments are scored (ignored without a classifier)
	 */
	public RulesStage(CommentRules rules, DecisionWriter writer, Clock clock, CommentClassifier classifier,
			Scorer scorer) {
		this.rules = rules;
		this.writer = writer;
		this.clock = clock;
		this.classifier = classifier;
		this.scorer = scorer;
	}

	/** @param receivedAt the record's time: a comment without submittedAt was submitted then */
	public Result apply(byte[] value, Instant receivedAt) {
		try {
			return moderate(this.parser.parse(value, receivedAt));
		}
		catch (InvalidEnvelopeException ex) {
			return new Invalid(ex);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return new Invalid(new InvalidEnvelopeException(EnvelopeError.PROCESSING_FAILED,
					"Moderation failed: " + ex.getClass().getSimpleName(), ex));
		}
	}

	private Result moderate(SubmittedComment submitted) {
		Comment comment = submitted.comment();
		// the content folded once, for the term lists, the classifier's features and the fingerprint
		NormalizedContent content = NormalizedContent.of(comment);
		CommentRules.Applied applied = this.rules.apply(comment, content);
		Optional<String> author = Authors.normalizedEmail(comment);
		if (author.isEmpty()) {
			Verdict verdict = applied.decisionRules().actions().decide(applied.reasons(), false);
			byte[] json = this.writer.write(submitted, verdict, applied.policyVersion(), this.clock.instant());
			return new Decided(comment, applied.site(), verdict, json);
		}
		List<Reason> reasons = applied.reasons();
		DecisionRules decisionRules = applied.decisionRules();
		Classification classification = null;
		List<LabelEvent> labels = List.of();
		if (this.classifier != null) {
			Features features = Features.of(comment, content);
			classification = this.scorer.classify(comment, features);
			Classification.Outcome outcome = this.classifier.outcome(classification, applied.decisionRules());
			if (outcome != null) {
				reasons = new ArrayList<>(reasons);
				reasons.add(CommentClassifier.reason(classification));
				if (outcome == Classification.Outcome.REJECT
						&& applied.decisionRules().actions().of(ReasonCode.SPAM_CLASSIFIER) == RuleAction.HOLD) {
					// SPAM_CLASSIFIER rejects this comment (where the policy leaves it to hold; a policy that scores it
					// adds its score instead)
					decisionRules = decisionRules
						.withActions(decisionRules.actions().with(ReasonCode.SPAM_CLASSIFIER, RuleAction.REJECT));
				}
			}
			// with autolearn on, a confident score is learned as a label (SpamAssassin's bayes_auto_learn)
			Label label = classification.autolearnLabel(this.classifier.settings());
			if (label != null) {
				labels = this.classifier.labelEvents(comment.commentId(), comment.siteId(), label, features.texts());
			}
		}
		PendingComment pending = new PendingComment(comment.commentId(), comment.postId(), comment.siteId(),
				author.get(), Authors.ip(comment).orElse(null), Authors.fingerprint(author.get(), comment, content),
				reasons, submitted.receivedJson(), null, applied.policyVersion(), applied.site(), decisionRules,
				classification);
		return new Pending(comment, pending, labels);
	}

}
