package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressCheckTest {

	@ParameterizedTest
	@ValueSource(strings = { "jane@example.com", "jane.doe+news@mail.example.org", " jane@example.com ",
			"jane@bücher.de", "jane@xn--bcher-kva.de" })
	void validAddressIsAccepted(String email) {
		assertThat(Comments.valid().withEmail(email).moderate().decision()).isEqualTo(Decision.APPROVED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "jane", "jane@", "@example.com", "jane@localhost", "jane@@example.com",
			"jane@example", "jane doe@example.com", "jane@exa mple.com", "jane@example.notarealtld" })
	void invalidAddressIsRejected(String email) {
		assertThat(Comments.valid().withEmail(email).moderate().reasons()).containsExactly(
				new Reason(ReasonCode.EMAIL_INVALID, "author.email", "Please enter a valid email address."));
	}

	@ParameterizedTest
	@ValueSource(ints = { 300, 100_000 })
	void hugeAddressIsInvalidAndTooLong(int length) {
		String email = "a".repeat(length) + "@example.com";
		assertThat(Comments.valid().withEmail(email).moderate().reasons()).extracting(Reason::code)
			.containsExactly(ReasonCode.EMAIL_INVALID, ReasonCode.FIELD_TOO_LONG);
	}

}
