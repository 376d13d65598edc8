package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class HoneypotCheckTest {

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "  ", "\u200B" })
	void blankHoneypotPasses(String honeypot) {
		assertThat(Comments.valid().withHoneypot(honeypot).moderate().decision()).isEqualTo(Decision.APPROVED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "x", "http://spam.example", " 0 " })
	void filledHoneypotIsRejected(String honeypot) {
		assertThat(Comments.valid().withHoneypot(honeypot).moderate().reasons()).containsExactly(new Reason(
				ReasonCode.HONEYPOT, "honeypot", "Your comment looks automated and could not be accepted."));
	}

}
