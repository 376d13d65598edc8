package dev.commentmoderation.rules;

import java.util.List;

/**
 * A list of terms found as whole words in the name, email address, website and content, one reason per distinct
 * term per field (its first occurrence), fields in that order. Matching is done by a {@link TermMatcher} built
 * once from the list. Blocked terms and held terms are two such lists with their own reason code and message.
 */
final class TermListRule implements ModerationRule {

	private final RuleSettings settings;

	private final TermMatcher matcher;

	private final ReasonCode code;

	private final String complaint;

	private TermListRule(RuleSettings settings, List<String> terms, ReasonCode code, String complaint) {
		this.settings = settings;
		this.matcher = new TermMatcher(terms);
		this.code = code;
		this.complaint = complaint;
	}

	/** {@link RuleSettings#blockedTerms()}: BLOCKED_TERM. */
	static TermListRule blockedTerms(RuleSettings settings) {
		return new TermListRule(settings, settings.blockedTerms(), ReasonCode.BLOCKED_TERM,
				" contains a word that is not allowed here: \"");
	}

	/** {@link RuleSettings#heldTerms()}: HELD_TERM, held for a moderator by default. */
	static TermListRule heldTerms(RuleSettings settings) {
		return new TermListRule(settings, settings.heldTerms(), ReasonCode.HELD_TERM,
				" contains a word a moderator needs to look at: \"");
	}

	@Override
	public void check(Comment comment, List<Reason> reasons) {
		check(comment, NormalizedContent.of(comment), reasons);
	}

	@Override
	public void check(Comment comment, NormalizedContent content, List<Reason> reasons) {
		if (this.matcher.size() == 0) {
			return;
		}
		for (Field field : Field.values()) {
			String value = field.valueOf(comment);
			if (value == null || value.isEmpty()) {
				continue;
			}
			for (Match match : this.matcher.find(Text.scanWindow(value, field.maxBytes(this.settings)), content)) {
				reasons.add(new Reason(this.code, field.path(), field.label() + this.complaint + match.term() + "\".",
						match));
			}
		}
	}

}
