package dev.commentmoderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 15, point 6: a term is found in running text of scripts written without spaces between words. */
class TermMatcherScriptsTest {

	private static List<Match> find(String term, String text) {
		return new TermMatcher(List.of(term)).find(text);
	}

	@Nested
	class RunningText {

		@Test
		void chinese() {
			assertThat(find("赌场", "欢迎来到赌场玩游戏")).containsExactly(Match.ofTerm("赌场", 4, 6));
		}

		@Test
		void japanese() {
			assertThat(find("カジノ", "今すぐカジノで遊ぼう")).containsExactly(Match.ofTerm("カジノ", 3, 6));
		}

		@Test
		void koreanWithAParticleAttached() {
			assertThat(find("카지노", "지금 카지노에서 놀자")).containsExactly(Match.ofTerm("카지노", 3, 6));
		}

		@Test
		void thai() {
			assertThat(find("คาสิโน", "เล่นคาสิโนออนไลน์ได้")).containsExactly(Match.ofTerm("คาสิโน", 4, 10));
		}

		@Test
		void aLatinTermGluedToThai() {
			assertThat(find("casino", "casinoออนไลน์")).containsExactly(Match.ofTerm("casino", 0, 6));
		}

		@Test
		void aLatinTermGluedToChinese() {
			assertThat(find("casino", "欢迎来到casino玩游戏")).containsExactly(Match.ofTerm("casino", 4, 10));
		}

	}

	@Nested
	class StillWholeWords {

		@ParameterizedTest
		@CsvSource({ "ass, assessment", "cialis, specialist", "casino, casinoдом", "casino, casinos" })
		void aLatinTermInsideALongerLatinWordIsNotMatched(String term, String text) {
			assertThat(find(term, text)).isEmpty();
		}

		@Test
		void aChineseTermThatIsPartOfAnotherWordIsNotMatched() {
			// 中国 (China) inside 中国人 is one dictionary word... but 国人 (compatriots) starts inside it
			assertThat(find("国人", "我是中国人")).isEmpty();
		}

		@Test
		void aKoreanTermMustStartAWord() {
			assertThat(find("지노", "카지노에서")).isEmpty();
		}

		@Test
		void aThaiTermInsideALongerThaiWordIsNotMatched() {
			// ออนไลน์ (online) is one word: ไลน์ (line) inside it is not a word of the text
			assertThat(find("ไลน์", "เล่นคาสิโนออนไลน์ได้")).isEmpty();
		}

	}

}
