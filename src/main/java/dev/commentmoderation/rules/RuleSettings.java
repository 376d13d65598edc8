package dev.commentmoderation.rules;

import java.time.Duration;
import java.util.List;

/**
 * Every threshold the stateless rules use. Field limits are UTF-8 byte counts, as WordPress counts them.
 *
 * @param maxLinks more links than this in the content: TOO_MANY_LINKS (held by default)
 * @param blockedTerms terms rejected as whole words anywhere in name, email, url and content
 * @param spamPatterns RE2 regular expressions rejected when found in the content
 * @param minSubmitTime a form submitted faster than this after it was rendered is rejected
 * @param heldTerms terms, matched as blocked terms are, that hold a comment for a moderator (HELD_TERM)
 * @param actions reject or hold, per reason code
 */
public record RuleSettings(int maxNameBytes, int maxEmailBytes, int maxUrlBytes, int maxContentBytes, int maxLinks,
		List<String> blockedTerms, List<String> spamPatterns, Duration minSubmitTime, List<String> heldTerms,
		RuleActions actions) {

	/** WordPress's defaults; BBCode {@code [url=} links and HTML anchors as spam patterns. */
	public static final List<String> DEFAULT_SPAM_PATTERNS = List.of("(?i)\\[url=", "(?i)<a\\s[^>]*href");

	public static final RuleSettings DEFAULTS = new RuleSettings(245, 100, 200, 65525, 2, List.of(),
			DEFAULT_SPAM_PATTERNS, Duration.ofSeconds(5));

	public RuleSettings {
		blockedTerms = List.copyOf(blockedTerms);
		spamPatterns = List.copyOf(spamPatterns);
		heldTerms = List.copyOf(heldTerms);
		if (actions == null) {
			actions = RuleActions.DEFAULTS;
		}
	}

	/** No held terms, default actions. */
	public RuleSettings(int maxNameBytes, int maxEmailBytes, int maxUrlBytes, int maxContentBytes, int maxLinks,
			List<String> blockedTerms, List<String> spamPatterns, Duration minSubmitTime) {
		this(maxNameBytes, maxEmailBytes, maxUrlBytes, maxContentBytes, maxLinks, blockedTerms, spamPatterns,
				minSubmitTime, List.of(), RuleActions.DEFAULTS);
	}

	public RuleSettings withBlockedTerms(List<String> terms) {
		return new RuleSettings(maxNameBytes, maxEmailBytes, maxUrlBytes, maxContentBytes, maxLinks, terms,
				spamPatterns, minSubmitTime, heldTerms, actions);
	}

	public RuleSettings withHeldTerms(List<String> terms) {
		return new RuleSettings(maxNameBytes, maxEmailBytes, maxUrlBytes, maxContentBytes, maxLinks, blockedTerms,
				spamPatterns, minSubmitTime, terms, actions);
	}

	public RuleSettings withActions(RuleActions newActions) {
		return new RuleSettings(maxNameBytes, maxEmailBytes, maxUrlBytes, maxContentBytes, maxLinks, blockedTerms,
				spamPatterns, minSubmitTime, heldTerms, newActions);
	}

}
