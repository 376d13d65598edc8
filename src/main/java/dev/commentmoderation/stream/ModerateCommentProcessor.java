package dev.commentmoderation.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.commentmoderation.stage.*;
import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.classifier.Features;
import dev.commentmoderation.classifier.Label;
import dev.commentmoderation.events.CommentEventParser;
import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.events.SubmittedComment;
import dev.commentmoderation.rules.Authors;
import dev.commentmoderation.rules.Comment;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.Verdict;

/**
 * Stage 1, on the submitted topic's partitions: parses a record and runs the stateless rules. A record that is
 * not a comment event goes, as received, to the dead-letter topic. A comment without a valid author email is
 * rejected here, keyed by commentId (it needs no state). Every other comment goes on, with its stateless
 * reasons, to the IP stage, keyed by IP. Nothing thrown here stops the stream: a failure of any kind on a
 * record dead-letters that record, in the same transaction as everything else.
 */
final class ModerateCommentProcessor extends ContextualProcessor<byte[], byte[], byte[], Route> {

	private final CommentEventParser parser;

	private final CommentRules rules;

	private final DecisionWriter writer;

	private final ModerationListener listener;

	private final Clock clock;

	private DecisionRules lastDecisionRules;

	private CarriedRules lastRules;

	/** The classifier and its model's global store; null when the classifier is off. */
	private final CommentClassifier classifier;

	private KeyValueStore<byte[], byte[]> models;

	private CarriedRules lastRejecting;

	ModerateCommentProcessor(CommentEventParser parser, CommentRules rules, DecisionWriter writer,
			ModerationListener listener, Clock clock, CommentClassifier classifier) {
		this.parser = parser;
		this.rules = rules;
		this.writer = writer;
		this.listener = listener;
		this.clock = clock;
		this.classifier = classifier;
	}

	@Override
	public void init(ProcessorContext<byte[], Route> context) {
		super.init(context);
		if (this.classifier != null) {
			this.models = context.getStateStore(ModerationTopology.CLASSIFIER_MODEL);
		}
	}

	@Override
	public void process(Record<byte[], byte[]> record) {
		long started = System.nanoTime();
		SubmittedComment submitted;
		Optional<String> author;
		byte[] out;
		try {
			submitted = this.parser.parse(record.value(), Instant.ofEpochMilli(record.timestamp()));
			Comment comment = submitted.comment();
			CommentRules.Applied applied = this.rules.apply(comment);
			author = Authors.normalizedEmail(comment);
			if (author.isEmpty()) {
				Verdict verdict = applied.decisionRules().actions().decide(applied.reasons(), false);
				out = this.writer.write(submitted, verdict, applied.policyVersion(), this.clock.instant());
				Route.Destination destination = (verdict.decision() == Decision.APPROVED) ? Route.Destination.APPROVED
						: Route.Destination.REJECTED;
				context().forward(record.withKey(utf8(comment.commentId())).withValue(new Route(destination, out)));
				this.listener.decided(comment.commentId(), applied.site(), verdict,
						Duration.ofNanos(System.nanoTime() - started));
				this.listener.decisionLatency(sinceSubmitted(record.timestamp(), this.clock));
				return;
			}
			String ip = Authors.ip(comment).orElse(null);
			List<Reason> reasons = applied.reasons();
			CarriedRules rules = carried(applied);
			Classification classification = null;
			if (this.classifier != null) {
				Features features = Features.of(comment);
				classification = this.classifier.classify(comment, features, this.models::get);
				Classification.Outcome outcome = this.classifier.outcome(classification, applied.decisionRules());
				if (outcome != null) {
					reasons = new ArrayList<>(reasons);
					reasons.add(CommentClassifier.reason(classification));
					if (outcome == Classification.Outcome.REJECT
							&& applied.decisionRules().actions().of(ReasonCode.SPAM_CLASSIFIER) == RuleAction.HOLD) {
						rules = rejecting(rules);
					}
				}
				autolearn(record, comment, classification, features);
			}
			PendingComment pending = new PendingComment(comment.commentId(), comment.postId(),
					comment.siteId(), author.get(), ip, Authors.fingerprint(author.get(), comment), reasons,
					submitted.receivedJson(), null, rules, classification);
			String key = (ip != null) ? "ip:" + ip : "email:" + author.get();
			out = StateCodec.write(new ToAuthor(pending, null, null));
			context().forward(record.withKey(utf8(key)).withValue(new Route(Route.Destination.BY_IP, out)));
		}
		catch (InvalidEnvelopeException ex) {
			deadLetter(record, ex);
		}
		catch (RuntimeException | StackOverflowError ex) {
			deadLetter(record, new InvalidEnvelopeException(EnvelopeError.PROCESSING_FAILED,
					"Moderation failed: " + ex.getClass().getSimpleName(), ex));
		}
	}

	/** The decision rules to carry, built once per policy site rather than per comment (this is the hot path). */
	private CarriedRules carried(CommentRules.Applied applied) {
		if (applied.decisionRules() != this.lastDecisionRules
				|| !applied.policyVersion().equals(this.lastRules.policyVersion())
				|| !applied.site().equals(this.lastRules.site())) {
			this.lastRules = CarriedRules.of(applied);
			this.lastDecisionRules = applied.decisionRules();
		}
		return this.lastRules;
	}

	/**
	 * The carried rules of a comment the classifier scored at or above the reject threshold: SPAM_CLASSIFIER rejects
	 * (where the policy leaves it to hold; a policy that scores it adds its score instead).
	 */
	private CarriedRules rejecting(CarriedRules rules) {
		if (this.lastRejecting == null || !this.lastRejecting.policyVersion().equals(rules.policyVersion())
				|| !this.lastRejecting.site().equals(rules.site())) {
			java.util.Map<ReasonCode, RuleAction> actions = new java.util.EnumMap<>(ReasonCode.class);
			actions.putAll(rules.actions());
			actions.put(ReasonCode.SPAM_CLASSIFIER, RuleAction.REJECT);
			this.lastRejecting = new CarriedRules(rules.policyVersion(), rules.site(), actions, rules.scores(),
					rules.holdAt(), rules.rejectAt(), rules.floodIntervalMillis(), rules.trustedAuthorMinApproved(),
					rules.trustedAuthorHeldFor());
		}
		return this.lastRejecting;
	}

	/** With autolearn on, a confident score is learned as a label (SpamAssassin's bayes_auto_learn). */
	private void autolearn(Record<byte[], byte[]> record, Comment comment, Classification classification,
			Features features) {
		Label label = classification.autolearnLabel(this.classifier.settings());
		if (label == null) {
			return;
		}
		for (LabelEvent event : this.classifier.labelEvents(comment.commentId(), comment.siteId(), label,
				features.texts())) {
			context().forward(record.withKey(utf8(event.model()))
				.withValue(new Route(Route.Destination.TO_MODEL, StateCodec.write(event))));
		}
	}

	private void deadLetter(Record<byte[], byte[]> record, InvalidEnvelopeException failure) {
		DeadLetterHeaders.Source source = source(record);
		context().forward(record.withHeaders(DeadLetterHeaders.of(record.headers(), source, failure))
			.withValue(new Route(Route.Destination.DEAD_LETTER, record.value())));
		this.listener.deadLettered(source, failure);
	}

	private DeadLetterHeaders.Source source(Record<byte[], byte[]> record) {
		return DeadLetterHeaders.Source.of(context().recordMetadata(), record.timestamp());
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** From a record's timestamp to now; never negative (a producer's clock may run ahead). */
	static Duration sinceSubmitted(long recordTimestamp, Clock clock) {
		return Duration.ofMillis(Math.max(0, clock.millis() - recordTimestamp));
	}

}
