package dev.commentmoderation.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
		@DefaultValue("5s") @NotNull @NonNegativeDuration Duration minSubmitTime) {
}
