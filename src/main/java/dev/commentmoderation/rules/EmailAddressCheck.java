package dev.commentmoderation.rules;

import java.util.List;

import org.apache.commons.validator.routines.EmailValidator;

/**
 * The email address, when given, must be a syntactically valid Internet address: commons-validator's
 * {@link EmailValidator} without local addresses ("jane@localhost") and with a real top-level domain.
 * Internationalized domain names ("jane@bücher.de") are accepted. Surrounding whitespace is ignored.
 * Addresses longer than 254 chars (the RFC 5321 maximum) are invalid without running the validator's
 * regular expressions, so hostile input costs little.
 */
final class EmailAddressCheck implements ModerationRule {

	static final int MAX_ADDRESS_CHARS = 254;

	private static final EmailValidator VALIDATOR = EmailValidator.getInstance(false, false);

	@Override
	public void check(Comment comment, List<Reason> reasons) {
		String email = comment.author().email();
		if (Text.isBlank(email)) {
			return;
		}
		if (!isValid(email)) {
			reasons.add(new Reason(ReasonCode.EMAIL_INVALID, Field.EMAIL.path(), "Please enter a valid email address."));
		}
	}

	static boolean isValid(String email) {
		if (email.length() > MAX_ADDRESS_CHARS + 64) {
			return false;
		}
		String address = Text.strip(email);
		return address.length() <= MAX_ADDRESS_CHARS && VALIDATOR.isValid(address);
	}

}
