package dev.commentmoderation.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds and retentions of the rules that remember.
 *
 * @param floodInterval a comment less than this after the previous one from the same author email or IP is
 * rejected as FLOOD; zero turns flood control off
 * @param duplicateRetention how long a comment's (author, post, content) fingerprint is remembered
 * @param decisionRetention how long a commentId's decision is remembered and re-emitted on resubmission
 * @param trustedAuthorMinApproved approved comments (auto or by a moderator) an author needs, with no spam
 * rejection, to skip the hold rules; 0 trusts everyone
 * @param authorRetention how long an author's standing (approved count, spam flag) is kept after their last
 * comment or review
 * @param heldRetention how long a held comment waits for a moderator before it is rejected as REVIEW_EXPIRED
 */
public record StatefulSettings(Duration floodInterval, Duration duplicateRetention, Duration decisionRetention,
		int trustedAuthorMinApproved, Duration authorRetention, Duration heldRetention) {

	public static final StatefulSettings DEFAULTS = new StatefulSettings(Duration.ofSeconds(15), Duration.ofDays(7),
			Duration.ofDays(7), 1, Duration.ofDays(365), Duration.ofDays(30));

	public StatefulSettings {
		Objects.requireNonNull(floodInterval, "floodInterval");
		Objects.requireNonNull(duplicateRetention, "duplicateRetention");
		Objects.requireNonNull(decisionRetention, "decisionRetention");
		Objects.requireNonNull(authorRetention, "authorRetention");
		Objects.requireNonNull(heldRetention, "heldRetention");
		if (trustedAuthorMinApproved < 0) {
			throw new IllegalArgumentException("trustedAuthorMinApproved must not be negative");
		}
	}

}
