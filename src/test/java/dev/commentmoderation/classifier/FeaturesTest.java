package dev.commentmoderation.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FeaturesTest {

	private static List<String> texts(String content) {
		return Features.of(TestComments.content("c", content)).texts();
	}

	private static List<String> withPrefix(List<String> tokens, String prefix) {
		return tokens.stream().filter(t -> t.startsWith(prefix)).toList();
	}

	@Nested
	class Words {

		@Test
		void contentGivesFoldedWordsAndPairsOfConsecutiveWords() {
			List<String> tokens = texts("Free Cash now");

			assertThat(withPrefix(tokens, "w:")).containsExactly("w:free", "w:cash", "w:now");
			assertThat(withPrefix(tokens, "b:")).containsExactly("b:free cash", "b:cash now");
		}

		@Test
		void characterTrigramsComeFromWordsLongerThanThree() {
			assertThat(withPrefix(texts("cash now"), "c:")).containsExactly("c:cas", "c:ash");
		}

		@Test
		void aTokenRepeatedInTheCommentIsCountedOnceAtItsFirstPlace() {
			List<Token> tokens = Features.of(TestComments.content("c", "free free free")).tokens();

			assertThat(tokens.stream().filter(t -> t.text().equals("w:free"))).singleElement()
				.isEqualTo(new Token("w:free", 0, 4));
		}

		@Test
		void digitStandInsBecomeLettersInAWordThatHasLetters() {
			assertThat(texts("V1agra 4 fr33 $ave")).contains("w:viagra", "w:free", "w:save", "w:4");
		}

		@Test
		void numbersStayNumbers() {
			assertThat(texts("call 08712300 for $100")).contains("w:08712300", "w:100");
		}

		@Test
		void aRunTooLongToBeAWordIsOneToken() {
			assertThat(withPrefix(texts("x" + "ab".repeat(30)), "w:")).containsExactly("w:#long");
		}

	}

	@Nested
	class Offsets {

		@Test
		void contentTokensPointAtTheCodePointsTheyCameFrom() {
			String content = "😀 Ｆｒｅｅ cash";
			List<Token> tokens = Features.of(TestComments.content("c", content)).tokens();

			Token free = tokens.stream().filter(t -> t.text().equals("w:free")).findFirst().orElseThrow();
			Token pair = tokens.stream().filter(t -> t.text().equals("b:free cash")).findFirst().orElseThrow();

			int[] cps = content.codePoints().toArray();
			assertThat(new String(cps, free.start(), free.end() - free.start())).isEqualTo("Ｆｒｅｅ");
			assertThat(new String(cps, pair.start(), pair.end() - pair.start())).isEqualTo("Ｆｒｅｅ cash");
		}

		@Test
		void authorTokensHaveNoPlaceInTheContent() {
			Features features = Features.of(TestComments.comment("c", "Best Pills", "a@pills.example",
					"https://www.pills.example/buy", "hello"));

			assertThat(features.tokens()).filteredOn(t -> !t.inContent())
				.extracting(Token::text)
				.contains("name:best", "name:pills", "edom:pills.example", "web:pills.example", "links:0");
		}

	}

	@Nested
	class Links {

		@Test
		void linkHostsAndTheirLastTwoLabelsAreTokensAtTheHostsPlace() {
			String content = "buy at https://shop.pills.example/x and www.other.example";
			List<Token> tokens = Features.of(TestComments.content("c", content)).tokens();

			assertThat(tokens).extracting(Token::text)
				.contains("host:shop.pills.example", "host:pills.example", "host:other.example", "links:2");
			Token host = tokens.stream().filter(t -> t.text().equals("host:shop.pills.example")).findFirst()
				.orElseThrow();
			assertThat(content.substring(host.start(), host.end())).isEqualTo("shop.pills.example");
		}

		@Test
		void linkCountIsBucketedFromThreeUp() {
			Predicate<String> links = t -> t.startsWith("links:");
			assertThat(texts("a http://a.example b http://b.example c http://c.example d http://d.example").stream()
				.filter(links)).containsExactly("links:3+");
			assertThat(texts("no link here").stream().filter(links)).containsExactly("links:0");
		}

	}

}
