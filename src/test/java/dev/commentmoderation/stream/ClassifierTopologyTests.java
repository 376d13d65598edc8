package dev.commentmoderation.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.classifier.ModelRecords;
import dev.commentmoderation.classifier.ModelSelector;
import dev.commentmoderation.testing.ModerationTopologyDriver;

import static dev.commentmoderation.testing.ModerationTopologyDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier's path through the topology: verdicts are labels, the model stage writes the model topic, the
 * global store every instance reads is what the first stage scores with; the classifier abstains until a model has
 * enough labels of each kind (two here, 200 by default).
 */
class ClassifierTopologyTests {

	static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

	static final String SPAM = "Cheap pills online, buy viagra now at pills-shop dot example, best prices";

	static final String HAM = "Thanks for the report on the council budget, the library cuts worry me";

	ModerationTopologyDriver driver;

	int next;

	@BeforeEach
	void start() {
		start(ClassifierSettings.DEFAULTS.withMinLabels(2, 2));
	}

	void start(ClassifierSettings settings) {
		if (this.driver != null) {
			this.driver.close();
		}
		this.driver = ModerationTopologyDriver.with().classifier(settings).at(T0).start();
	}

	@AfterEach
	void close() {
		this.driver.close();
	}

	@Test
	void theClassifierAbstainsUntilAModelHasEnoughLabelsOfEachKind() {
		String id = submit(SPAM);
		JsonNode decision = json(this.driver.approved().readValue());
		assertThat(decision.get("commentId").stringValue()).isEqualTo(id);
		assertThat(decision.has("classifier")).isFalse();
		assertThat(decision.get("modelVersion").stringValue()).isEqualTo("*:0s0h:0");
	}

	@Test
	void verdictsTeachTheModelAndTheNextCommentIsScoredWithIt() {
		teach();

		String spam = submit(SPAM + " today");
		String ham = submit(HAM + " too");

		JsonNode rejection = json(this.driver.rejected().readValue());
		assertThat(rejection.get("commentId").stringValue()).isEqualTo(spam);
		assertThat(rejection.get("reasons").get(0).get("code").stringValue()).isEqualTo("SPAM_CLASSIFIER");
		assertThat(rejection.get("classifier").get("probability").doubleValue()).isGreaterThanOrEqualTo(0.98);
		assertThat(rejection.get("modelVersion").stringValue()).startsWith("site:example-news:2s2h:");
		JsonNode match = rejection.get("reasons").get(0).get("match");
		String content = rejection.get("comment").get("content").stringValue();
		int[] codePoints = content.codePoints().toArray();
		String matched = new String(codePoints, match.get("start").intValue(),
				match.get("end").intValue() - match.get("start").intValue());
		assertThat(match.get("term").stringValue()).as("the token the match points at").contains(matched.toLowerCase());
		JsonNode approval = json(lastApproved());
		assertThat(approval.get("commentId").stringValue()).isEqualTo(ham);
		assertThat(approval.get("classifier").get("probability").doubleValue()).isLessThan(0.5);
	}

	@Test
	void aProbabilityBetweenTheHoldAndRejectThresholdsHoldsTheComment() {
		start(new ClassifierSettings(2, 2, 1.0, 0.5, 0.1, 150, 10, 0.85, 1.0, 100_000, true, false, 0.995, 0.01));
		teach();
		String spam = submit(SPAM + " today");

		JsonNode hold = json(this.driver.held().readValue());
		assertThat(hold.get("commentId").stringValue()).isEqualTo(spam);
		assertThat(hold.get("reasons").get(0).get("code").stringValue()).isEqualTo("SPAM_CLASSIFIER");
	}

	@Test
	void theModelTopicHoldsEachModelsTokenCountsAndTotals() {
		teach();

		ModelRecords.Totals shared = lastTotals(ModelSelector.SHARED);
		assertThat(shared.spamLabels()).isEqualTo(2);
		assertThat(shared.hamLabels()).isEqualTo(2);
		assertThat(lastTotals("site:example-news").spamLabels()).isEqualTo(2);
	}

	@Test
	void aLabelRepeatedForTheSameCommentCountsOnceAndAChangedOneReplacesIt() {
		teach();
		verdict("c-1", "REJECTED", null);
		assertThat(lastTotals(ModelSelector.SHARED)).extracting(ModelRecords.Totals::spamLabels,
				ModelRecords.Totals::hamLabels).containsExactly(2L, 2L);

		verdict("c-3", "REJECTED", true);
		assertThat(lastTotals(ModelSelector.SHARED)).extracting(ModelRecords.Totals::spamLabels,
				ModelRecords.Totals::hamLabels).containsExactly(3L, 1L);

		verdict("c-3", "REJECTED", false);
		assertThat(lastTotals(ModelSelector.SHARED)).extracting(ModelRecords.Totals::spamLabels,
				ModelRecords.Totals::hamLabels).containsExactly(2L, 1L);
	}

	@Test
	void withAutolearnAConfidentAutomaticDecisionIsLearnedToo() {
		start(new ClassifierSettings(2, 2, 1.0, 0.5, 0.1, 150, 10, 0.85, 0.98, 100_000, true, true, 0.9, 0.1));
		teach();
		lastTotals(ModelSelector.SHARED);
		submit(SPAM + " again");

		assertThat(lastTotals(ModelSelector.SHARED)).extracting(ModelRecords.Totals::spamLabels,
				ModelRecords.Totals::hamLabels).containsExactly(3L, 2L);
	}

	@Test
	void withoutAutolearnOnlyVerdictsAreLearned() {
		teach();
		lastTotals(ModelSelector.SHARED);
		submit(SPAM + " again");

		assertThat(this.driver.modelRecords().isEmpty()).isTrue();
	}

	/** Two spam comments rejected and two ham comments approved by a moderator: c-1, c-2 spam; c-3, c-4 ham. */
	void teach() {
		submit(SPAM);
		submit(SPAM.replace("viagra", "cialis"));
		submit(HAM);
		submit(HAM.replace("library", "school"));
		verdict("c-1", "REJECTED", null);
		verdict("c-2", "REJECTED", null);
		verdict("c-3", "APPROVED", null);
		verdict("c-4", "APPROVED", null);
		this.driver.approved().readValuesToList();
		this.driver.rejected().readValuesToList();
	}

	String submit(String content) {
		this.next++;
		String id = "c-" + this.next;
		String value = """
				{"commentId":"%s","postId":"p","siteId":"example-news",
				 "author":{"name":"Reader %d","email":"reader%d@example.org","ip":"198.51.100.%d"},
				 "content":"%s"}""".formatted(id, this.next, this.next, this.next, content);
		this.driver.submit("site", value, T0.plus(Duration.ofMinutes(this.next)));
		return id;
	}

	void verdict(String commentId, String decision, Boolean spam) {
		String value = "{\"commentId\":\"%s\",\"decision\":\"%s\",\"spam\":%s,\"moderator\":\"anna\"}"
			.formatted(commentId, decision, spam);
		this.driver.review(commentId, value, T0.plus(Duration.ofMinutes(++this.next)));
	}

	byte[] lastApproved() {
		List<byte[]> all = this.driver.approved().readValuesToList();
		return all.get(all.size() - 1);
	}

	final List<TestRecord<byte[], byte[]>> modelRecords = new ArrayList<>();

	ModelRecords.Totals lastTotals(String site) {
		this.modelRecords.addAll(this.driver.modelRecords().readRecordsToList());
		ModelRecords.Totals totals = null;
		for (TestRecord<byte[], byte[]> record : this.modelRecords) {
			ModelRecords.Key key = ModelRecords.key(record.key());
			if (key.isTotals() && key.site().equals(site)) {
				totals = ModelRecords.totals(record.value());
			}
		}
		return totals;
	}

}
