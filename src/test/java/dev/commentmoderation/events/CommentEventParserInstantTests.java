package dev.commentmoderation.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path for {@code ...Z} instants gives what {@link OffsetDateTime#parse(CharSequence)} gives, for every
 * input: it accepts only text the full parser accepts, with the same instant, and leaves everything else
 * (including everything the full parser rejects) to the full parser.
 */
class CommentEventParserInstantTests {

	/** The parser as it was before the fast path. */
	private static Instant reference(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static void assertSameAsFullParser(String text) {
		Instant fast = CommentEventParser.parseUtc(text);
		if (fast != null) {
			assertThat(fast).as(text).isEqualTo(reference(text));
		}
	}

	@Test
	void takesTheFastPathForTheCommonForms() {
		for (String text : List.of("2026-11-28T03:34:00Z", "2026-11-28T03:34:00.5Z", "2026-11-28T03:34:00.123Z",
				"2026-11-28T03:34:00.123456789Z", "2024-02-29T23:59:59Z", "0000-01-01T00:00:00Z",
				"9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.1Z")) {
			assertThat(CommentEventParser.parseUtc(text)).as(text).isNotNull().isEqualTo(reference(text));
		}
	}

	@Test
	void leavesEverythingElseToTheFullParser() {
		for (String text : List.of("2025-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
				"2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z",
				"2026-01-01T23:59:60Z", "2026-01-01T03:34Z", "2026-01-01t03:34:00Z", "2026-01-01T03:34:00z",
				"2026-01-01T03:34:00.Z", "2026-01-01T03:34:00.1234567890Z", "2026-01-01T03:34:00+00:00",
				"2026-01-01T03:34:00+01:00", "+12026-01-01T03:34:00Z", "2026-01-01 03:34:00Z", "２０２６-01-01T03:34:00Z",
				"2026-01-01T03:34:00.12a4Z", "2026-1-01T03:34:00Z", "-2026-01-01T03:34:00Z", "2026-01-01T03:34:00ZZ",
				"2026-01-01T03:34:00,5Z", " 2026-01-01T03:34:00Z", "2026-01-01T03:34:00Z ", "")) {
			assertSameAsFullParser(text);
		}
		assertThat(CommentEventParser.parseUtc("2025-02-29T00:00:00Z")).isNull();
		assertThat(CommentEventParser.parseUtc("2026-01-01T03:34:00+00:00")).isNull();
		assertThat(CommentEventParser.parseUtc("2026-01-01t03:34:00Z")).isNull();
	}

	@Test
	void agreesWithTheFullParserOnRandomAndMutatedInput() {
		SplittableRandom random = new SplittableRandom(5);
		String alphabet = "0123456789-T:.Z+zt ";
		List<String> inputs = new ArrayList<>();
		for (int i = 0; i < 200_000; i++) {
			// a valid-looking instant, then zero to three characters replaced, inserted or deleted
			StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
					random.nextInt(10_000), random.nextInt(14), random.nextInt(33), random.nextInt(26),
					random.nextInt(62), random.nextInt(62)));
			int fraction = random.nextInt(12) - 1;
			if (fraction >= 0) {
				text.append('.');
				for (int d = 0; d < fraction; d++) {
					text.append((char) ('0' + random.nextInt(10)));
				}
			}
			text.append('Z');
			for (int m = random.nextInt(4); m > 0 && text.length() > 0; m--) {
				int at = random.nextInt(text.length());
				char c = alphabet.charAt(random.nextInt(alphabet.length()));
				switch (random.nextInt(3)) {
					case 0 -> text.setCharAt(at, c);
					case 1 -> text.insert(at, c);
					default -> text.deleteCharAt(at);
				}
			}
			inputs.add(text.toString());
		}
		int fast = 0;
		for (String text : inputs) {
			assertSameAsFullParser(text);
			if (CommentEventParser.parseUtc(text) != null) {
				fast++;
			}
		}
		assertThat(fast).as("inputs that took the fast path").isGreaterThan(10_000);
	}

}
