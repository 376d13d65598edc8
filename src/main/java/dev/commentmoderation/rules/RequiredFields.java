package dev.commentmoderation.rules;

import java.util.List;

/**
 * Name, email address and content must be present: null, empty, or only whitespace and invisible characters
 * (NBSP, zero-width space...) counts as missing.
 */
final class RequiredFields implements ModerationRule {

	@Override
	public void check(Comment comment, List<Reason> reasons) {
		if (Text.isBlank(comment.author().name())) {
			reasons.add(new Reason(ReasonCode.NAME_REQUIRED, Field.NAME.path(), "Please enter your name."));
		}
		if (Text.isBlank(comment.author().email())) {
			reasons.add(new Reason(ReasonCode.EMAIL_REQUIRED, Field.EMAIL.path(), "Please enter your email address."));
		}
		if (Text.isBlank(comment.content())) {
			reasons.add(new Reason(ReasonCode.CONTENT_REQUIRED, Field.CONTENT.path(), "Please write a comment."));
		}
	}

}
