package dev.commentmoderation.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelSelectorTest {

	private static final ClassifierSettings SETTINGS = ClassifierSettings.DEFAULTS.withMinLabels(10, 10);

	private final InMemoryModel shared = TestComments.trained(50, 50);

	@Test
	void aSiteWithEnoughLabelsOfItsOwnIsScoredWithItsOwnModel() {
		InMemoryModel site = TestComments.trained(10, 10);

		assertThat(ModelSelector.select(site, shared, SETTINGS)).isSameAs(site);
	}

	@Test
	void aSiteWithTooFewLabelsIsScoredWithTheSharedModel() {
		assertThat(ModelSelector.select(TestComments.trained(10, 9), shared, SETTINGS)).isSameAs(shared);
	}

	@Test
	void aSiteWithNoModelIsScoredWithTheSharedModel() {
		assertThat(ModelSelector.select(null, shared, SETTINGS)).isSameAs(shared);
	}

	@Test
	void withPerSiteModelsOffEverySiteIsScoredWithTheSharedModel() {
		assertThat(ModelSelector.select(TestComments.trained(10, 10), shared, SETTINGS.withPerSiteModels(false)))
			.isSameAs(shared);
	}

}
