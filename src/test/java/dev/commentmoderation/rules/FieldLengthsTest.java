package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldLengthsTest {

	private static final String E_ACUTE = "\u00E9"; // 2 bytes in UTF-8

	private static final String EURO = "\u20AC"; // 3 bytes

	private static final String EMOJI = "\uD83D\uDE00"; // 4 bytes, 2 UTF-16 chars

	@Test
	void nameExactlyAtLimitPasses() {
		assertThat(Comments.valid().withName("n".repeat(245)).moderate().decision()).isEqualTo(Decision.APPROVED);
	}

	@Test
	void nameOneByteOverLimitIsTooLong() {
		assertThat(Comments.valid().withName("n".repeat(246)).moderate().reasons()).containsExactly(
				new Reason(ReasonCode.FIELD_TOO_LONG, "author.name", "Your name is too long. Please shorten it."));
	}

	@Test
	void nameCountsMultibyteCharactersInBytes() {
		// 122 x 2 bytes + 1 = 245 bytes, 123 chars: passes; one more 2-byte char: 247 bytes
		assertThat(Comments.valid().withName(E_ACUTE.repeat(122) + "n").moderate().decision())
			.isEqualTo(Decision.APPROVED);
		assertThat(Comments.valid().withName(E_ACUTE.repeat(123)).moderate().reasons()).extracting(Reason::code)
			.containsExactly(ReasonCode.FIELD_TOO_LONG);
	}

	@Test
	void emailExactlyAtLimitPassesAndOneByteOverIsTooLong() {
		String at100 = "jane@" + "a".repeat(60) + "." + "b".repeat(22) + ".example.com";
		assertThat(at100).hasSize(100);
		assertThat(Comments.valid().withEmail(at100).moderate().decision()).isEqualTo(Decision.APPROVED);
		assertThat(Comments.valid().withEmail("j" + at100).moderate().reasons()).containsExactly(new Reason(
				ReasonCode.FIELD_TOO_LONG, "author.email", "Your email address is too long. Please shorten it."));
	}

	@Test
	void urlExactlyAtLimitPassesAndOneByteOverIsTooLong() {
		String at200 = "https://jane.example/" + "p".repeat(179);
		assertThat(at200).hasSize(200);
		assertThat(Comments.valid().withUrl(at200).moderate().decision()).isEqualTo(Decision.APPROVED);
		assertThat(Comments.valid().withUrl(at200 + "p").moderate().reasons()).containsExactly(new Reason(
				ReasonCode.FIELD_TOO_LONG, "author.url", "Your website address is too long. Please shorten it."));
	}

	@Test
	void urlCountsMultibytePathInBytes() {
		String base = "https://jane.example/"; // 21 bytes
		String at200 = base + EURO.repeat(59) + "pp"; // 21 + 177 + 2
		assertThat(Comments.valid().withUrl(at200).moderate().decision()).isEqualTo(Decision.APPROVED);
		assertThat(Comments.valid().withUrl(base + EURO.repeat(60)).moderate().reasons()).extracting(Reason::code)
			.containsExactly(ReasonCode.FIELD_TOO_LONG);
	}

	@Test
	void contentExactlyAtLimitPassesAndOneByteOverIsTooLong() {
		String at65525 = "x".repeat(65_525);
		assertThat(Comments.valid().withContent(at65525).moderate().decision()).isEqualTo(Decision.APPROVED);
		assertThat(Comments.valid().withContent(at65525 + "x").moderate().reasons()).containsExactly(
				new Reason(ReasonCode.FIELD_TOO_LONG, "content", "Your comment is too long. Please shorten it."));
	}

	@Test
	void contentCountsAstralCharactersAsFourBytes() {
		String at65525 = EMOJI.repeat(16_381) + "x"; // 65524 + 1 bytes
		assertThat(Comments.valid().withContent(at65525).moderate().decision()).isEqualTo(Decision.APPROVED);
		assertThat(Comments.valid().withContent(EMOJI.repeat(16_382)).moderate().reasons()).extracting(Reason::code)
			.containsExactly(ReasonCode.FIELD_TOO_LONG);
	}

	@Test
	void tooLongContentIsStillCheckedByTheOtherRules() {
		String content = "Visit my casino. " + "x".repeat(70_000);
		assertThat(Comments.valid().withContent(content).moderate(Comments.blocking("casino")).reasons())
			.extracting(Reason::code)
			.containsExactly(ReasonCode.FIELD_TOO_LONG, ReasonCode.BLOCKED_TERM);
	}

}
