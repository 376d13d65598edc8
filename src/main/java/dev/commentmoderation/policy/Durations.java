package dev.commentmoderation.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Spring Boot writes them in properties: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 7d}, or ISO-8601. */
final class Durations {

	private static final Pattern SIMPLE = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

	private Durations() {
	}

	/** @throws IllegalArgumentException saying what is accepted */
	static Duration parse(String text) {
		String value = text.strip();
		Matcher matcher = SIMPLE.matcher(value);
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			return switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
		}
		try {
			return Duration.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("\"" + text + "\" is not a duration (write 500ms, 5s, 2m, 1h, 7d or ISO-8601 such as PT5S)");
		}
	}

	/** The inverse of {@link #parse}: 15s, 500ms, 2m, 1h, 7d; ISO-8601 below a millisecond. */
	static String format(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		if (duration.getNano() % 1_000_000 != 0) {
			return duration.toString();
		}
		long millis = duration.toMillis();
		for (Map.Entry<String, Long> unit : List.of(Map.entry("d", 86_400_000L), Map.entry("h", 3_600_000L),
				Map.entry("m", 60_000L), Map.entry("s", 1_000L))) {
			if (millis % unit.getValue() == 0) {
				return (millis / unit.getValue()) + unit.getKey();
			}
		}
		return millis + "ms";
	}

}
