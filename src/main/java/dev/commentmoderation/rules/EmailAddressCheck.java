package dev.commentmoderation.rules;

import java.util.List;

import org.apache.commons.validator.routines.EmailValidator;

/**
 * The email address, when given, must be a syntactically valid Internet address: commons-validator's
 * {@link EmailValidator} without local addresses ("jane@localhost") and with a real top-level domain.
 * Internationalized domain names ("jane@bücher.de") are accepted. Address literals ("jane@[192.168.1.1]",
 * "jane@[IPv6:2001:db8::1]") are refused, as WordPress's is_email() refuses them, so that an address cannot point
 * at an internal network. Surrounding whitespace is ignored.
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
		return address.length() <= MAX_ADDRESS_CHARS && !isAddressLiteral(address) && VALIDATOR.isValid(address);
	}

	/** A domain part in brackets: an IP address instead of a domain name (RFC 5321 section 4.1.3). */
	private static boolean isAddressLiteral(String address) {
		int at = address.lastIndexOf('@');
		return at >= 0 && at + 1 < address.length() && address.charAt(at + 1) == '[';
	}

}
