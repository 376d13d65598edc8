package dev.commentmoderation.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;

/**
 * Moderation rule thresholds; defaults follow WordPress. Lengths are UTF-8 bytes.
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
		@DefaultValue("245") @Min(1) int maxNameBytes,
		@DefaultValue("100") @Min(1) int maxEmailBytes,
		@DefaultValue("200") @Min(1) int maxUrlBytes,
		@DefaultValue("65525") @Min(1) int maxContentBytes,
		@DefaultValue("2") @Min(0) int maxLinks,
		@DefaultValue List<@NotNull String> blockedTerms,
		@ReadableFile Path blockedTermsFile,
		@DefaultValue({ "(?i)\\[url=", "(?i)<a\\s[^>]*href" }) List<@NotNull @Re2Regex String> spamPatterns,
		@DefaultValue("5s") @NotNull @NonNegativeDuration Duration minSubmitTime,
		@DefaultValue List<@NotNull String> heldTerms,
		@ReadableFile Path heldTermsFile,
		@DefaultValue Map<@NotNull ReasonCode, @NotNull RuleAction> actions,
		@DefaultValue("15s") @NotNull @NonNegativeDuration Duration floodInterval,
		@DefaultValue("7d") @NotNull @PositiveDuration Duration duplicateRetention,
		@DefaultValue("7d") @NotNull @PositiveDuration Duration decisionRetention,
		@DefaultValue("1") @Min(0) int trustedAuthorMinApproved,
		@DefaultValue("365d") @NotNull @PositiveDuration Duration authorRetention,
		@DefaultValue("30d") @NotNull @PositiveDuration Duration heldRetention) {
}
