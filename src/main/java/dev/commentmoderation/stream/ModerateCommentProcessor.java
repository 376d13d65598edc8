package dev.commentmoderation.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.stage.CommentClassifier;
import dev.commentmoderation.stage.CommentRules;
import dev.commentmoderation.stage.LabelEvent;
import dev.commentmoderation.stage.PendingComment;
import dev.commentmoderation.stage.RulesStage;
import dev.commentmoderation.stage.ToAuthor;

/**
 * The first stage's adapter ({@link RulesStage}), on the submitted topic's partitions. A dead letter goes as received
 * to the dead-letter topic; a comment decided here to its output topic keyed by commentId; a pending one to the IP
 * stage keyed by IP (with what that stage needs in headers), or straight to the author stage keyed by author when
 * it has no IP or its policy has no flood interval. Autolearn labels go to the model stage.
 */
final class ModerateCommentProcessor extends RoutingProcessor<byte[], byte[]> {

	private final CommentRules rules;

	private final DecisionWriter writer;

	private final Clock clock;

	/** Null when the classifier is off. */
	private final CommentClassifier classifier;

	private RulesStage stage;

	ModerateCommentProcessor(CommentRules rules, DecisionWriter writer, ModerationListener listener, Clock clock,
			CommentClassifier classifier) {
		super(listener);
		this.rules = rules;
		this.writer = writer;
		this.clock = clock;
		this.classifier = classifier;
	}

	@Override
	public void init(ProcessorContext<Object, Route> context) {
		super.init(context);
		RulesStage.Scorer scorer = null;
		if (this.classifier != null) {
			KeyValueStore<byte[], byte[]> models = context.getStateStore(ModerationTopology.CLASSIFIER_MODEL);
			scorer = (comment, features) -> this.classifier.classify(comment, features, models::get);
		}
		this.stage = new RulesStage(this.rules, this.writer, this.clock, this.classifier, scorer);
	}

	@Override
	public void process(Record<byte[], byte[]> record) {
		long started = System.nanoTime();
		RulesStage.Result result = this.stage.apply(record.value(), Instant.ofEpochMilli(record.timestamp()));
		if (result instanceof RulesStage.Invalid invalid) {
			deadLetter(record, source(record), invalid.failure(), record.key(), record.value());
		}
		else if (result instanceof RulesStage.Decided decided) {
			forward(record, Route.decision(decided.verdict().decision(), decided.comment().commentId(), decided.json()));
			this.listener.decided(decided.comment().commentId(), decided.site(), decided.verdict(),
					Duration.ofNanos(System.nanoTime() - started));
			this.listener.decisionLatency(sinceSubmitted(record.timestamp(), this.clock));
		}
		else if (result instanceof RulesStage.Pending pending) {
			for (LabelEvent label : pending.labels()) {
				forward(record, Route.toModel(label));
			}
			PendingComment comment = pending.pending();
			Encoded<ToAuthor> value = Encoded.of(new ToAuthor(comment, null, null));
			long floodInterval = comment.decisionRules().floodInterval().toMillis();
			if (comment.ip() != null && floodInterval > 0) {
				InternalHeaders.put(record.headers(), InternalHeaders.AUTHOR, comment.author());
				InternalHeaders.put(record.headers(), InternalHeaders.COMMENT_ID, comment.commentId());
				InternalHeaders.put(record.headers(), InternalHeaders.FLOOD_INTERVAL_MS, floodInterval);
				forward(record, Route.byIp(comment.ip(), value));
			}
			else {
				forward(record, Route.byAuthor(comment.author(), value));
			}
		}
	}

}
