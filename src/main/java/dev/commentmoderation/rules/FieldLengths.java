package dev.commentmoderation.rules;

import java.util.List;

/**
 * Name, email address, website and content must fit their limits in UTF-8 bytes (as WordPress counts them):
 * exactly at the limit passes, one byte over fails. Counting stops just past the limit, so oversized input
 * is not walked to its end.
 */
final class FieldLengths implements ModerationRule {

	private final RuleSettings settings;

	FieldLengths(RuleSettings settings) {
		this.settings = settings;
	}

	@Override
	public void check(Comment comment, List<Reason> reasons) {
		for (Field field : Field.values()) {
			String value = field.valueOf(comment);
			int max = field.maxBytes(settings);
			if (value != null && Utf8.byteLength(value, max) > max) {
				reasons.add(new Reason(ReasonCode.FIELD_TOO_LONG, field.path(),
						field.label() + " is too long. Please shorten it."));
			}
		}
	}

}
