package dev.commentmoderation.rules;

import java.util.List;

/** Rejects content in which a configured {@link SpamPatterns spam pattern} is found, one reason per pattern. */
final class SpamPatternCheck implements ModerationRule {

	private final RuleSettings settings;

	private final SpamPatterns patterns;

	SpamPatternCheck(RuleSettings settings) {
		this.settings = settings;
		this.patterns = SpamPatterns.compile(settings.spamPatterns());
	}

	@Override
	public void check(Comment comment, List<Reason> reasons) {
		String content = comment.content();
		if (content == null) {
			return;
		}
		for (Match match : patterns.find(Text.scanWindow(content, settings.maxContentBytes()))) {
			reasons.add(new Reason(ReasonCode.SPAM_PATTERN, Field.CONTENT.path(),
					"Your comment contains text that looks like spam.", match));
		}
	}

}
