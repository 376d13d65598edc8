package dev.commentmoderation.rules;

import java.time.Duration;
import java.util.List;

/**
 * Every threshold the rules use. Field limits are UTF-8 byte counts, as WordPress counts them.
 *
 * @param maxLinks more links than this in the content reject the comment
 * @param blockedTerms terms rejected as whole words anywhere in name, email, url and content
 * @param spamPatterns RE2 regular expressions rejected when found in the content
 * @param minSubmitTime a form submitted faster than this after it was rendered is rejected
 */
public record RuleSettings(int maxNameBytes, int maxEmailBytes, int maxUrlBytes, int maxContentBytes, int maxLinks,
		List<String> blockedTerms, List<String> spamPatterns, Duration minSubmitTime) {

	/** WordPress's defaults; BBCode {@code [url=} links and HTML anchors as spam patterns. */
	public static final List<String> DEFAULT_SPAM_PATTERNS = List.of("(?i)\\[url=", "(?i)<a\\s[^>]*href");

	public static final RuleSettings DEFAULTS = new RuleSettings(245, 100, 200, 65525, 2, List.of(),
			DEFAULT_SPAM_PATTERNS, Duration.ofSeconds(5));

	public RuleSettings {
		blockedTerms = List.copyOf(blockedTerms);
		spamPatterns = List.copyOf(spamPatterns);
	}

	public RuleSettings withBlockedTerms(List<String> terms) {
		return new RuleSettings(maxNameBytes, maxEmailBytes, maxUrlBytes, maxContentBytes, maxLinks, terms,
				spamPatterns, minSubmitTime);
	}

}
