package dev.commentmoderation.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.policy.RuleHits;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleScore;
import dev.commentmoderation.rules.Verdict;
import dev.commentmoderation.stream.ModerationListener;

/**
 * Metrics moderators watch, and the service's per-comment log lines. Logs name the commentId and never the
 * author's email, IP or the comment text.
 *
 * <ul>
 * <li>{@code moderation.comments{decision}}: comments moderated, by first decision (APPROVED, REJECTED or
 * HELD; a resubmitted commentId is not counted again);</li>
 * <li>{@code moderation.rejections{reason}}: rejected comments by reason code (a comment with two reasons
 * counts once for each);</li>
 * <li>{@code moderation.holds{reason}}: held comments by reason code;</li>
 * <li>{@code moderation.resubmissions{decision}}: commentIds submitted again, whose stored decision was
 * re-emitted;</li>
 * <li>{@code moderation.reviews{decision,outcome}}: final decisions of held comments, by a moderator
 * ({@code outcome=moderator}) or because nobody reviewed them in time ({@code outcome=expired});</li>
 * <li>{@code moderation.review.turnaround}: time from a comment's HELD decision to its moderator's review;</li>
 * <li>{@code moderation.verdicts{decision,kind}}: moderators' verdicts applied, by the verdict and its kind:
 * {@code review} (the final decision of a held comment), {@code correction} (a new revision of an approved or
 * rejected comment) or {@code unchanged} (equal to the outcome: recorded, nothing emitted);</li>
 * <li>{@code moderation.author.actions{action}}: moderators' actions on authors read;</li>
 * <li>{@code moderation.dead.letters{error}}: records sent to the dead-letter topic, by envelope error;</li>
 * <li>{@code moderation.rule.hits{rule,site}}: rules that fired, once per comment, by reason code and the policy
 * site whose rules applied ({@code _default} for the defaults), whatever the decision;</li>
 * <li>{@code moderation.site.decisions{site,decision}}: comments moderated, by policy site ({@code _default} for the
 * defaults) and first decision;</li>
 * <li>{@code moderation.processing}: time to parse, moderate and write one decision;</li>
 * <li>{@code moderation.decision.latency}: from a comment's record timestamp on the input topic to its first
 * decision.</li>
 * </ul>
 */
@Component
public class MicrometerModerationListener implements ModerationListener, RuleHits {

	private static final Logger log = LoggerFactory.getLogger(MicrometerModerationListener.class);

	/** Per-rule hits, tagged rule and site. */
	static final String RULE_HITS = "moderation.rule.hits";

	private final MeterRegistry registry;

	private final Timer processing;

	private final Timer turnaround;

	private final Timer decisionLatency;

	private final Map<Decision, Counter> decisionCounters = new EnumMap<>(Decision.class);

	private final Map<ReasonCode, Counter> rejectionCounters = new EnumMap<>(ReasonCode.class);

	private final Map<ReasonCode, Counter> holdCounters = new EnumMap<>(ReasonCode.class);

	private final Map<EnvelopeError, Counter> deadLetterCounters = new EnumMap<>(EnvelopeError.class);

	private final Map<String, Map<ReasonCode, Counter>> ruleHitCounters = new ConcurrentHashMap<>();

	private final Map<String, Map<Decision, Counter>> siteDecisionCounters = new ConcurrentHashMap<>();

	MicrometerModerationListener(MeterRegistry registry) {
		this.registry = registry;
		this.processing = Timer.builder("moderation.processing")
			.description("Time to parse, moderate and write the decision of one comment")
			.register(registry);
		// Register every series up front so that dashboards and alerts see zeros, not gaps, and keep the per-comment
		// ones: looking a counter up in the registry for every comment showed in the load tool's profile.
		for (Decision decision : Decision.values()) {
			this.decisionCounters.put(decision, decisions(decision));
		}
		for (ReasonCode code : ReasonCode.values()) {
			this.rejectionCounters.put(code, rejections(code));
			this.holdCounters.put(code, holds(code));
		}
		for (Decision decision : List.of(Decision.APPROVED, Decision.REJECTED)) {
			for (String outcome : List.of("moderator", "expired")) {
				reviews(decision, outcome);
			}
		}
		for (Decision decision : Decision.values()) {
			resubmissions(decision);
		}
		for (Decision decision : List.of(Decision.APPROVED, Decision.REJECTED)) {
			for (String kind : List.of("review", "correction", "unchanged")) {
				verdicts(decision, kind);
			}
		}
		this.decisionLatency = Timer.builder("moderation.decision.latency")
			.description("Time from a comment's record timestamp on the input topic to its first decision")
			.register(registry);
		this.turnaround = Timer.builder("moderation.review.turnaround")
			.description("Time from a comment's HELD decision to its moderator's review")
			.register(registry);
		for (EnvelopeError error : EnvelopeError.values()) {
			this.deadLetterCounters.put(error, deadLetters(error));
		}
	}

	@Override
	public void decided(String commentId, String site, Verdict verdict, Duration processingTime) {
		this.processing.record(processingTime);
		if (!verdict.score().rules().isEmpty()) {
			Map<ReasonCode, Counter> hits = this.ruleHitCounters.computeIfAbsent(site, this::ruleHits);
			for (RuleScore rule : verdict.score().rules()) {
				hits.get(rule.code()).increment();
			}
		}
		this.decisionCounters.get(verdict.decision()).increment();
		this.siteDecisionCounters.computeIfAbsent(site, this::siteDecisions).get(verdict.decision()).increment();
		Set<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
		for (Reason reason : verdict.reasons()) {
			codes.add(reason.code());
		}
		if (verdict.decision() == Decision.REJECTED) {
			codes.forEach(code -> this.rejectionCounters.get(code).increment());
		}
		else if (verdict.decision() == Decision.HELD) {
			codes.forEach(code -> this.holdCounters.get(code).increment());
		}
		if (log.isDebugEnabled()) {
			log.debug("Comment {} {} {}", commentId, verdict.decision(), codes);
		}
	}

	@Override
	public void decisionLatency(Duration sinceSubmitted) {
		this.decisionLatency.record(sinceSubmitted);
	}

	@Override
	public void resubmitted(String commentId, Decision decision) {
		resubmissions(decision).increment();
		log.debug("Comment {} resubmitted: {} re-emitted", commentId, decision);
	}

	@Override
	public void reviewed(String commentId, Decision decision, boolean expired, Duration turnaroundTime) {
		reviews(decision, expired ? "expired" : "moderator").increment();
		if (!expired) {
			this.turnaround.record(turnaroundTime);
		}
		log.debug("Comment {} {} after review ({})", commentId, decision, expired ? "expired" : "moderator");
	}

	@Override
	public void verdict(String commentId, Decision previous, Decision decision, boolean spam, boolean changed,
			int revision) {
		String kind = !changed ? "unchanged" : (previous == Decision.HELD) ? "review" : "correction";
		verdicts(decision, kind).increment();
		log.debug("Comment {}: verdict {} ({}), revision {}", commentId, decision, kind, revision);
	}

	@Override
	public void authorAction(String action) {
		Counter.builder("moderation.author.actions")
			.description("Moderators' actions on authors read, by action")
			.tag("action", action)
			.register(this.registry)
			.increment();
	}

	@Override
	public void deadLettered(DeadLetterHeaders.Source source, InvalidEnvelopeException failure) {
		this.deadLetterCounters.get(failure.error()).increment();
		log.warn("Dead-lettered record {}-{}@{}: {}", source.topic(), source.partition(), source.offset(),
				failure.error());
	}

	/** The {@code moderation.rule.hits} counters of this instance, for the moderator view. */
	@Override
	public Map<String, Map<ReasonCode, Long>> bySite() {
		Map<String, Map<ReasonCode, Long>> hits = new HashMap<>();
		this.ruleHitCounters.forEach((site, counters) -> {
			Map<ReasonCode, Long> siteHits = new EnumMap<>(ReasonCode.class);
			counters.forEach((code, counter) -> siteHits.put(code, (long) counter.count()));
			hits.put(site, siteHits);
		});
		return hits;
	}

	/** Registered per site on its first hit: sites are the policy's keys, so the series are bounded. */
	private Map<ReasonCode, Counter> ruleHits(String site) {
		Map<ReasonCode, Counter> counters = new EnumMap<>(ReasonCode.class);
		for (ReasonCode code : ReasonCode.values()) {
			counters.put(code, Counter.builder(RULE_HITS)
				.description("Rules that fired on a comment, by rule (reason code) and policy site; a rule counts once "
						+ "per comment")
				.tag("rule", code.name())
				.tag("site", site)
				.register(this.registry));
		}
		return counters;
	}

	/** Registered per site on its first comment, every decision at once, so that a site's shares start at zero. */
	private Map<Decision, Counter> siteDecisions(String site) {
		Map<Decision, Counter> counters = new EnumMap<>(Decision.class);
		for (Decision decision : Decision.values()) {
			counters.put(decision, Counter.builder("moderation.site.decisions")
				.description("Comments moderated, by policy site and first decision")
				.tag("site", site)
				.tag("decision", decision.name())
				.register(this.registry));
		}
		return counters;
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

	private Counter holds(ReasonCode code) {
		return Counter.builder("moderation.holds")
			.description("Held comments, by reason code")
			.tag("reason", code.name())
			.register(this.registry);
	}

	private Counter resubmissions(Decision decision) {
		return Counter.builder("moderation.resubmissions")
			.description("Comments submitted again with a known commentId, by the decision re-emitted")
			.tag("decision", decision.name())
			.register(this.registry);
	}

	private Counter reviews(Decision decision, String outcome) {
		return Counter.builder("moderation.reviews")
			.description("Final decisions of held comments, by decision and outcome (moderator or expired)")
			.tag("decision", decision.name())
			.tag("outcome", outcome)
			.register(this.registry);
	}

	private Counter verdicts(Decision decision, String kind) {
		return Counter.builder("moderation.verdicts")
			.description("Moderators' verdicts applied, by verdict and kind (review of a held comment, correction of a "
					+ "decided one, or unchanged)")
			.tag("decision", decision.name())
			.tag("kind", kind)
			.register(this.registry);
	}

	private Counter deadLetters(EnvelopeError error) {
		return Counter.builder("moderation.dead.letters")
			.description("Records sent to the dead-letter topic, by error")
			.tag("error", error.name())
			.register(this.registry);
	}

}
