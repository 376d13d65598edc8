package dev.commentmoderation.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LabelLedgerTest {

	private final LabelLedger ledger = LabelLedger.inMemory();

	private final InMemoryModel model = new InMemoryModel("s", 1000);

	private void verdict(String commentId, Label label, List<String> tokens) {
		ledger.record(commentId, label, tokens).forEach(step -> step.applyTo(model));
	}

	@Test
	void aLabelRepeatedForTheSameCommentCountsOnce() {
		verdict("c-1", Label.SPAM, List.of("w:free"));
		verdict("c-1", Label.SPAM, List.of("w:free"));

		assertThat(model.counts("w:free")).isEqualTo(new TokenCounts(1, 0));
		assertThat(model.spamLabels()).isEqualTo(1);
	}

	@Test
	void aChangedLabelReplacesTheEarlierOne() {
		verdict("c-1", Label.SPAM, List.of("w:free"));
		verdict("c-1", Label.HAM, List.of("w:free"));

		assertThat(model.counts("w:free")).isEqualTo(new TokenCounts(0, 1));
		assertThat(model.spamLabels()).isZero();
		assertThat(model.hamLabels()).isEqualTo(1);
	}

	@Test
	void aCorrectionUnlearnsTheTokensThatWereLearnedEvenIfTheCommentNowGivesOthers() {
		verdict("c-1", Label.SPAM, List.of("w:old"));
		verdict("c-1", Label.HAM, List.of("w:new"));

		assertThat(model.counts("w:old")).isEqualTo(TokenCounts.ZERO);
		assertThat(model.counts("w:new")).isEqualTo(new TokenCounts(0, 1));
	}

	@Test
	void differentCommentsWithTheSameTextEachCount() {
		verdict("c-1", Label.SPAM, List.of("w:free"));
		verdict("c-2", Label.SPAM, List.of("w:free"));

		assertThat(model.counts("w:free")).isEqualTo(new TokenCounts(2, 0));
	}

}
