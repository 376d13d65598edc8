package dev.commentmoderation.policy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTests {

	@ParameterizedTest
	@ValueSource(strings = { "0s", "500ms", "5s", "90s", "2m", "1h", "7d", "1500ms" })
	void aDurationIsWrittenBackAsAPolicyFileWritesIt(String text) {
		assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT15S", "PT0.5S", "P1D" })
	void isoDurationsAreWrittenInTheShortForm(String iso) {
		assertThat(Durations.parse(Durations.format(Durations.parse(iso)))).isEqualTo(Duration.parse(iso));
	}

}
