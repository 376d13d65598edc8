package dev.commentmoderation.rules;

import java.util.List;

/** The honeypot field is hidden from people; anything but blank in it means a bot filled the form. */
final class HoneypotCheck implements ModerationRule {

	@Override
	public void check(Comment comment, List<Reason> reasons) {
		if (!Text.isBlank(comment.honeypot())) {
			reasons.add(new Reason(ReasonCode.HONEYPOT, Field.HONEYPOT,
					"Your comment looks automated and could not be accepted."));
		}
	}

}
