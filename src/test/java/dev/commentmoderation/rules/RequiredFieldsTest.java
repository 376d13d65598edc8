package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequiredFieldsTest {

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   ", "\t\n", "\u00A0", "\u200B", " \u200B\u00A0\u2060\uFEFF " })
	void blankNameIsRequired(String name) {
		assertThat(Comments.valid().withName(name).moderate().reasons())
			.containsExactly(new Reason(ReasonCode.NAME_REQUIRED, "author.name", "Please enter your name."));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "  ", "\u00A0\u200B" })
	void blankEmailIsRequiredAndNotAlsoInvalid(String email) {
		assertThat(Comments.valid().withEmail(email).moderate().reasons()).containsExactly(
				new Reason(ReasonCode.EMAIL_REQUIRED, "author.email", "Please enter your email address."));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " \n ", "\u3000", "\u200D\u200C" })
	void blankContentIsRequired(String content) {
		assertThat(Comments.valid().withContent(content).moderate().reasons())
			.containsExactly(new Reason(ReasonCode.CONTENT_REQUIRED, "content", "Please write a comment."));
	}

	@Test
	void nameWithVisibleTextBetweenInvisibleCharactersIsPresent() {
		assertThat(Comments.valid().withName("\u200BJo\u00A0").moderate().decision()).isEqualTo(Decision.APPROVED);
	}

	@Test
	void missingAuthorReportsNameThenEmail() {
		Comment comment = new Comment("c", null, null, null, null, "Hello", null, null, null);
		assertThat(new CommentModerator(RuleSettings.DEFAULTS).moderate(comment).reasons())
			.extracting(Reason::code)
			.containsExactly(ReasonCode.NAME_REQUIRED, ReasonCode.EMAIL_REQUIRED);
	}

}
