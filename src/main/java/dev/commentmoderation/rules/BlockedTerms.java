package dev.commentmoderation.rules;

import java.util.List;

/**
 * Rejects blocked terms found as whole words in the name, email address, website and content, one reason per
 * distinct term per field (its first occurrence), fields in that order. Matching is done by a
 * {@link TermMatcher} built once from {@link RuleSettings#blockedTerms()}.
 */
final class BlockedTerms implements ModerationRule {

	private final RuleSettings settings;

	private final TermMatcher matcher;

	BlockedTerms(RuleSettings settings) {
		this.settings = settings;
		this.matcher = new TermMatcher(settings.blockedTerms());
	}

	@Override
	public void check(Comment comment, List<Reason> reasons) {
		if (matcher.size() == 0) {
			return;
		}
		for (Field field : Field.values()) {
			String value = field.valueOf(comment);
			if (value == null || value.isEmpty()) {
				continue;
			}
			for (Match match : matcher.find(Text.scanWindow(value, field.maxBytes(settings)))) {
				reasons.add(new Reason(ReasonCode.BLOCKED_TERM, field.path(), field.label()
						+ " contains a word that is not allowed here: \"" + match.term() + "\".", match));
			}
		}
	}

}
