package dev.commentmoderation.classifier;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClassifierSettingsTest {

	@Test
	void aRejectThresholdBelowTheHoldThresholdIsRefusedNamingBoth() {
		assertThatThrownBy(() -> ClassifierSettings.DEFAULTS.withThresholds(0.9, 0.8))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("rejectAt")
			.hasMessageContaining("holdAt");
	}

	@Test
	void aThresholdOutsideZeroToOneIsRefusedNamingIt() {
		assertThatThrownBy(() -> ClassifierSettings.DEFAULTS.withThresholds(-0.1, 0.5))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("holdAt");
	}

	@Test
	void aMinimumOfZeroLabelsIsRefusedNamingIt() {
		assertThatThrownBy(() -> ClassifierSettings.DEFAULTS.withMinLabels(0, 200))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("minSpamLabels");
	}

	@Test
	void aModelOfNoTokensIsRefusedNamingIt() {
		assertThatThrownBy(() -> ClassifierSettings.DEFAULTS.withMaxTokens(0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("maxTokens");
	}

}
