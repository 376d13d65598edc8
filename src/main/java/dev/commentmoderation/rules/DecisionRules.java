package dev.commentmoderation.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one site's policy that the author stage needs to decide: what each reason does and scores, the
 * flood interval, and how many approved comments make an author trusted.
 *
 * @param floodInterval a comment sooner than this after the previous one from the same email or IP is a FLOOD;
 * zero turns flood control off
 * @param trustedAuthorMinApproved approved comments, and no spam rejection, an author needs to skip hold rules
 * @param classifierHoldAt the spam probability from which the classifier holds a comment of this site; null: the
 * service's moderation.classifier.hold-at
 * @param classifierRejectAt the same for rejecting; null: moderation.classifier.reject-at
 */
public record DecisionRules(RuleActions actions, Duration floodInterval, int trustedAuthorMinApproved,
		Double classifierHoldAt, Double classifierRejectAt) {

	/** Decision rules with the service's classifier thresholds. */
	public DecisionRules(RuleActions actions, Duration floodInterval, int trustedAuthorMinApproved) {
		this(actions, floodInterval, trustedAuthorMinApproved, null, null);
	}

	public DecisionRules {
		Objects.requireNonNull(actions, "actions");
		Objects.requireNonNull(floodInterval, "floodInterval");
		if (floodInterval.isNegative()) {
			throw new IllegalArgumentException("floodInterval must not be negative");
		}
		if (trustedAuthorMinApproved < 0) {
			throw new IllegalArgumentException("trustedAuthorMinApproved must not be negative");
		}
	}

	public static DecisionRules of(RuleActions actions, StatefulSettings settings) {
		return new DecisionRules(actions, settings.floodInterval(), settings.trustedAuthorMinApproved());
	}

}
