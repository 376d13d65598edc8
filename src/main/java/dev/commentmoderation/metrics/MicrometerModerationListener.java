package dev.commentmoderation.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.Verdict;
import dev.commentmoderation.stream.ModerationListener;

/**
 * Metrics moderators watch, and the service's per-comment log lines. Logs name the commentId and never the
 * author's email, IP or the comment text.
 *
 * <ul>
 * <li>{@code moderation.comments{decision}}: comments moderated, by decision;</li>
 * <li>{@code moderation.rejections{reason}}: rejected comments by reason code (a comment with two reasons
 * counts once for each);</li>
 * <li>{@code moderation.dead.letters{error}}: records sent to the dead-letter topic, by envelope error;</li>
 * <li>{@code moderation.processing}: time to parse, moderate and write one decision.</li>
 * </ul>
 */
@Component
class MicrometerModerationListener implements ModerationListener {

	private static final Logger log = LoggerFactory.getLogger(MicrometerModerationListener.class);

	private final MeterRegistry registry;

	private final Timer processing;

	private final Map<Decision, Counter> decisionCounters = new EnumMap<>(Decision.class);

	private final Map<ReasonCode, Counter> rejectionCounters = new EnumMap<>(ReasonCode.class);

	private final Map<EnvelopeError, Counter> deadLetterCounters = new EnumMap<>(EnvelopeError.class);

	MicrometerModerationListener(MeterRegistry registry) {
		this.registry = registry;
		this.processing = Timer.builder("moderation.processing")
			.description("Time to parse, moderate and write the decision of one comment")
			.register(registry);
		// Register every series up front so that dashboards and alerts see zeros, not gaps, and keep them: looking
		// a counter up in the registry for every comment showed in the load tool's profile.
		for (Decision decision : Decision.values()) {
			this.decisionCounters.put(decision, decisions(decision));
		}
		for (ReasonCode code : ReasonCode.values()) {
			this.rejectionCounters.put(code, rejections(code));
		}
		for (EnvelopeError error : EnvelopeError.values()) {
			this.deadLetterCounters.put(error, deadLetters(error));
		}
	}

	@Override
	public void decided(String commentId, Verdict verdict, Duration processingTime) {
		this.processing.record(processingTime);
		this.decisionCounters.get(verdict.decision()).increment();
		Set<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
		for (Reason reason : verdict.reasons()) {
			codes.add(reason.code());
		}
		codes.forEach(code -> this.rejectionCounters.get(code).increment());
		if (log.isDebugEnabled()) {
			log.debug("Comment {} {} {}", commentId, verdict.decision(), codes);
		}
	}

	@Override
	public void deadLettered(DeadLetterHeaders.Source source, InvalidEnvelopeException failure) {
		this.deadLetterCounters.get(failure.error()).increment();
		log.warn("Dead-lettered record {}-{}@{}: {}", source.topic(), source.partition(), source.offset(),
				failure.error());
	}

	private Counter decisions(Decision decision) {
		return Counter.builder("moderation.comments")
			.description("Comments moderated, by decision")
			.tag("decision", decision.name())
			.register(this.registry);
	}

	private Counter rejections(ReasonCode code) {
		return Counter.builder("moderation.rejections")
			.description("Rejected comments, by reason code")
			.tag("reason", code.name())
			.register(this.registry);
	}

	private Counter deadLetters(EnvelopeError error) {
		return Counter.builder("moderation.dead.letters")
			.description("Records sent to the dead-letter topic, by error")
			.tag("error", error.name())
			.register(this.registry);
	}

}
