package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkCounterTest {

	private static RuleSettings maxLinks(int max) {
		RuleSettings d = RuleSettings.DEFAULTS;
		return new RuleSettings(d.maxNameBytes(), d.maxEmailBytes(), d.maxUrlBytes(), d.maxContentBytes(), max,
				List.of(), d.spamPatterns(), Duration.ofSeconds(5));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "no link here|0", "see http://a.example|1", "see HTTPS://A.EXAMPLE|1",
			"www.a.example|1", "WWW.A.EXAMPLE|1", "https://www.a.example counts once|1",
			"http://a.example https://b.example www.c.example|3", "httpx://a wwwx. |0" })
	void countsHttpHttpsAndWwwOccurrencesCaseInsensitively(String text, int expected) {
		assertThat(LinkCounter.count(text)).isEqualTo(expected);
	}

	@Test
	void linksUpToTheLimitPass() {
		assertThat(Comments.valid().withContent("see http://a.example and www.b.example").moderate(maxLinks(2))
			.decision()).isEqualTo(Decision.APPROVED);
	}

	@Test
	void oneLinkOverTheLimitIsTooManyLinks() {
		assertThat(Comments.valid().withContent("http://a.example www.b.example https://c.example").moderate(maxLinks(2))
			.reasons()).containsExactly(new Reason(ReasonCode.TOO_MANY_LINKS, "content",
					"Your comment contains too many links. Please include at most 2 links."));
	}

	@Test
	void maxLinksZeroAllowsNoLinkAtAll() {
		assertThat(Comments.valid().withContent("see www.a.example").moderate(maxLinks(0)).reasons()).containsExactly(
				new Reason(ReasonCode.TOO_MANY_LINKS, "content", "Links are not allowed in comments here. Please remove them."));
		assertThat(Comments.valid().moderate(maxLinks(0)).decision()).isEqualTo(Decision.APPROVED);
	}

}
