package dev.commentmoderation.rules;

import java.util.List;

/**
 * Held terms: matched exactly as {@link BlockedTerms} (whole words, disguises folded) in name, email, url and
 * content, one HELD_TERM reason per distinct term per field. Held for a moderator by default.
 */
final class HeldTerms implements ModerationRule {

	private final RuleSettings settings;

	private final TermMatcher matcher;

	HeldTerms(RuleSettings settings) {
		this.settings = settings;
		this.matcher = new TermMatcher(settings.heldTerms());
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
				reasons.add(new Reason(ReasonCode.HELD_TERM, field.path(), field.label()
						+ " contains a word a moderator needs to look at: \"" + match.term() + "\".", match));
			}
		}
	}

}
