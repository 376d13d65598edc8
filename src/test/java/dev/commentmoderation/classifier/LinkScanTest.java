package dev.commentmoderation.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.commentmoderation.rules.LinkCounter;

class LinkScanTest {

	private static final String[] FRAGMENTS = { "http://", "https://", "HTTPS://", "hTtP://", "www.", "WWW.", "ww",
			"http", "https:/", "httpſ://", "user:pw@", "@", "example", "shop.example", "é", "-", ".", " ", "/", "?",
			"\n", "a", "1", ":" };

	static LongStream seeds() {
		return LongStream.range(0, 300).map(i -> 0x11AC_5CA7L + i);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theCountIsTheRulesLinkCount(long seed) {
		Random random = new Random(seed);
		StringBuilder text = new StringBuilder();
		int parts = 1 + random.nextInt(12);
		for (int i = 0; i < parts; i++) {
			text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
		}

		assertThat(LinkScan.of(text.toString()).count()).as(text.toString())
			.isEqualTo(LinkCounter.count(text.toString()));
	}

	@Test
	void aHostIsReadAfterTheSchemeAndUserInfoWithoutTrailingPunctuation() {
		String text = "see https://bob:secret@shop.example.com/x, or www.other.example.";
		LinkScan scan = LinkScan.of(text);

		assertThat(scan.hosts()).extracting(span -> text.substring(span[0], span[1]))
			.containsExactly("shop.example.com", "other.example");
	}

	@Test
	void aSchemeFollowedByWwwIsOneLinkWhoseHostFollowsTheWww() {
		String text = "https://www.example.com";
		LinkScan scan = LinkScan.of(text);

		assertThat(scan.count()).isEqualTo(1);
		assertThat(scan.hosts()).extracting(span -> text.substring(span[0], span[1])).containsExactly("example.com");
	}

}
