package dev.commentmoderation.rules;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of one site's policy that the author stage needs to decide: what each reason does and scores, the
 * flood interval, and how many approved comments make an author trusted. Immutable: a comment carries its policy's
 * instance from the first stage to the last, so a reload in between does not change how it is decided.
 *
 * @param floodInterval a comment sooner than this after the previous one from the same email or IP is a FLOOD;
 * zero turns flood control off
 * @param trustedAuthorMinApproved approved comments, and no spam rejection, an author needs to skip hold rules
 * @param classifierHoldAt the spam probability from which the classifier holds a comment of this site; null: the
 * service's moderation.classifier.hold-at
 * @param classifierRejectAt the same for rejecting; null: moderation.classifier.reject-at
 * @param trustedAuthorHeldFor reason codes whose HOLD still holds a trusted author (empty: a trusted author skips
 * every hold; WordPress holds a previously approved author for moderation keys and links: HELD_TERM and
 * TOO_MANY_LINKS)
 */
public record DecisionRules(RuleActions actions, Duration floodInterval, int trustedAuthorMinApproved,
		Double classifierHoldAt, Double classifierRejectAt, Set<ReasonCode> trustedAuthorHeldFor) {

	/** Decision rules with the service's classifier thresholds; a trusted author skips every hold. */
	public DecisionRules(RuleActions actions, Duration floodInterval, int trustedAuthorMinApproved) {
		this(actions, floodInterval, trustedAuthorMinApproved, null, null, Set.of());
	}

	/** A trusted author skips every hold. */
	public DecisionRules(RuleActions actions, Duration floodInterval, int trustedAuthorMinApproved,
			Double classifierHoldAt, Double classifierRejectAt) {
		this(actions, floodInterval, trustedAuthorMinApproved, classifierHoldAt, classifierRejectAt, Set.of());
	}

	public DecisionRules {
		trustedAuthorHeldFor = (trustedAuthorHeldFor == null || trustedAuthorHeldFor.isEmpty()) ? Set.of()
				: java.util.Collections.unmodifiableSet(EnumSet.copyOf(trustedAuthorHeldFor));
		Objects.requireNonNull(actions, "actions");
		Objects.requireNonNull(floodInterval, "floodInterval");
		if (floodInterval.isNegative()) {
			throw new IllegalArgumentException("floodInterval must not be negative");
		}
		if (trustedAuthorMinApproved < 0) {
			throw new IllegalArgumentException("trustedAuthorMinApproved must not be negative");
		}
	}

	/** These rules with other actions. */
	public DecisionRules withActions(RuleActions newActions) {
		return new DecisionRules(newActions, this.floodInterval, this.trustedAuthorMinApproved, this.classifierHoldAt,
				this.classifierRejectAt, this.trustedAuthorHeldFor);
	}

	public static DecisionRules of(RuleActions actions, StatefulSettings settings) {
		return new DecisionRules(actions, settings.floodInterval(), settings.trustedAuthorMinApproved());
	}

	/**
	 * As a record's, without {@code trustedAuthorHeldFor} when it is empty: policy versions hash this text, so the
	 * versions of policies that do not use the setting stay what they were before it existed.
	 */
	@Override
	public String toString() {
		return "DecisionRules[actions=" + this.actions + ", floodInterval=" + this.floodInterval
				+ ", trustedAuthorMinApproved=" + this.trustedAuthorMinApproved + ", classifierHoldAt="
				+ this.classifierHoldAt + ", classifierRejectAt=" + this.classifierRejectAt
				+ (this.trustedAuthorHeldFor.isEmpty() ? "" : ", trustedAuthorHeldFor=" + this.trustedAuthorHeldFor)
				+ "]";
	}

}
