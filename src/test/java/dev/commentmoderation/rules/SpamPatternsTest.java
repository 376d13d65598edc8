package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpamPatternsTest {

	@Test
	void bbcodeLinkIsSpamByDefault() {
		Verdict verdict = Comments.valid().withContent("Nice! [URL=http://x.example]deal[/url]").moderate();
		assertThat(verdict.reasons()).containsExactly(new Reason(ReasonCode.SPAM_PATTERN, "content",
				"Your comment contains text that looks like spam.", Match.ofPattern("(?i)\\[url=", 6, 11)));
	}

	@Test
	void htmlAnchorIsSpamByDefault() {
		Verdict verdict = Comments.valid().withContent("<A class=\"x\" HREF=\"#\">deal</a>").moderate();
		assertThat(verdict.reasons()).extracting(Reason::match)
			.containsExactly(Match.ofPattern("(?i)<a\\s[^>]*href", 0, 17));
	}

	@Test
	void eachPatternIsReportedOnceAtItsFirstMatchInConfigurationOrder() {
		SpamPatterns patterns = SpamPatterns.compile(List.of("b+", "a"));
		assertThat(patterns.find("xa bb a b")).containsExactly(Match.ofPattern("b+", 3, 5), Match.ofPattern("a", 1, 2));
	}

	@Test
	void offsetsCountCodePoints() {
		assertThat(SpamPatterns.compile(List.of("deal")).find("\uD83D\uDE00 deal"))
			.containsExactly(Match.ofPattern("deal", 2, 6));
	}

	@Test
	void invalidPatternMakesTheModeratorConstructorThrowNamingIt() {
		RuleSettings d = RuleSettings.DEFAULTS;
		RuleSettings settings = new RuleSettings(d.maxNameBytes(), d.maxEmailBytes(), d.maxUrlBytes(),
				d.maxContentBytes(), d.maxLinks(), List.of(), List.of("ok", "(unclosed"), d.minSubmitTime());
		assertThatIllegalArgumentException().isThrownBy(() -> new CommentModerator(settings))
			.withMessageContaining("(unclosed");
	}

	@Test
	void validatePatternExplainsAnInvalidPatternAndAcceptsAValidOne() {
		assertThat(SpamPatterns.validatePattern("(?i)\\[url=")).isNull();
		assertThat(SpamPatterns.validatePattern("(unclosed")).isNotBlank();
		assertThat(SpamPatterns.validatePattern("a(?=b)")).isNotBlank(); // look-ahead is not RE2
		assertThat(SpamPatterns.validatePattern("")).isNotBlank();
	}

}
