package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebsiteCheckTest {

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "  ", "https://jane.example/path?q=1", "http://jane.example", "HTTPS://JANE.EXAMPLE",
			"https://jane.example:8443/a#b", "https://bücher.example/ä", "http://localhost" })
	void absentOrHttpUrlIsAccepted(String url) {
		assertThat(Comments.valid().withUrl(url).moderate().decision()).isEqualTo(Decision.APPROVED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "ftp://x", "not a url", "http://", "https://", "jane.example",
			"//jane.example", "mailto:jane@example.com", "http:///path", "https://exa mple.com" })
	void otherUrlIsRejected(String url) {
		assertThat(Comments.valid().withUrl(url).moderate().reasons()).containsExactly(new Reason(
				ReasonCode.URL_INVALID, "author.url",
				"Please enter a valid website address starting with http:// or https://."));
	}

}
