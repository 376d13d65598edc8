package dev.commentmoderation.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;

/**
 * Moderation rule thresholds. Lengths are UTF-8 bytes. A property that is not set takes the core's default,
 * {@link RuleSettings#DEFAULTS} or {@link StatefulSettings#DEFAULTS} (WordPress's where it has one): they are the
 * one definition of the defaults, for the service and the dry run alike. Binding fills them in here, before
 * validation, so a value that is set is still checked and a bad one still stops start-up naming the property.
 *
 * @param maxNameBytes longest author name accepted
 * @param maxEmailBytes longest author email accepted
 * @param maxUrlBytes longest author website accepted
 * @param maxContentBytes longest comment text accepted
 * @param maxLinks more links than this in the comment text reject it
 * @param blockedTerms words and phrases rejected wherever they appear as whole words
 * @param blockedTermsFile optional UTF-8 file of more blocked terms, one a line; blank lines and lines
 * starting with '#' are ignored
 * @param spamPatterns RE2 regular expressions (linear time) rejected when found in the comment text
 * @param minSubmitTime a form submitted faster than this after it was rendered is rejected
 * @param heldTerms words and phrases, matched as blocked terms are, that hold a comment for a moderator
 * @param heldTermsFile optional UTF-8 file of more held terms, in the blocked-terms file format
 * @param actions REJECT or HOLD per reason code, overriding the defaults (TOO_MANY_LINKS and HELD_TERM hold,
 * every other code rejects; EMAIL_REQUIRED, EMAIL_INVALID and the moderator codes always reject)
 * @param floodInterval a comment sooner than this after the previous one from the same email or IP is
 * rejected as FLOOD; 0 turns flood control off
 * @param duplicateRetention how long (author, post, content) is remembered for DUPLICATE
 * @param decisionRetention how long a commentId's decision is remembered, and re-emitted when resubmitted
 * @param trustedAuthorMinApproved approved comments, and no spam rejection, an author needs to skip hold rules
 * @param authorRetention how long an author's standing is kept after their last comment
 * @param heldRetention how long a held comment waits for a moderator before it is rejected as REVIEW_EXPIRED
 */
@Validated
@ConfigurationProperties("moderation.rules")
public record RuleProperties(
		@Min(1) Integer maxNameBytes,
		@Min(1) Integer maxEmailBytes,
		@Min(1) Integer maxUrlBytes,
		@Min(1) Integer maxContentBytes,
		@Min(0) Integer maxLinks,
		List<@NotNull String> blockedTerms,
		@ReadableFile Path blockedTermsFile,
		List<@NotNull @Re2Regex String> spamPatterns,
		@NonNegativeDuration Duration minSubmitTime,
		List<@NotNull String> heldTerms,
		@ReadableFile Path heldTermsFile,
		Map<@NotNull ReasonCode, @NotNull RuleAction> actions,
		@NonNegativeDuration Duration floodInterval,
		@PositiveDuration Duration duplicateRetention,
		@PositiveDuration Duration decisionRetention,
		@Min(0) Integer trustedAuthorMinApproved,
		@PositiveDuration Duration authorRetention,
		@PositiveDuration Duration heldRetention) {

	/** Unset properties (null here) take the core's defaults. */
	public RuleProperties {
		RuleSettings rules = RuleSettings.DEFAULTS;
		StatefulSettings stateful = StatefulSettings.DEFAULTS;
		maxNameBytes = or(maxNameBytes, rules.maxNameBytes());
		maxEmailBytes = or(maxEmailBytes, rules.maxEmailBytes());
		maxUrlBytes = or(maxUrlBytes, rules.maxUrlBytes());
		maxContentBytes = or(maxContentBytes, rules.maxContentBytes());
		maxLinks = or(maxLinks, rules.maxLinks());
		blockedTerms = or(blockedTerms, rules.blockedTerms());
		spamPatterns = or(spamPatterns, rules.spamPatterns());
		minSubmitTime = or(minSubmitTime, rules.minSubmitTime());
		heldTerms = or(heldTerms, rules.heldTerms());
		// no overrides: every code keeps the action RuleActions.DEFAULTS gives it
		actions = or(actions, Map.of());
		floodInterval = or(floodInterval, stateful.floodInterval());
		duplicateRetention = or(duplicateRetention, stateful.duplicateRetention());
		decisionRetention = or(decisionRetention, stateful.decisionRetention());
		trustedAuthorMinApproved = or(trustedAuthorMinApproved, stateful.trustedAuthorMinApproved());
		authorRetention = or(authorRetention, stateful.authorRetention());
		heldRetention = or(heldRetention, stateful.heldRetention());
	}

	private static <T> T or(T value, T otherwise) {
		return (value != null) ? value : otherwise;
	}

}
