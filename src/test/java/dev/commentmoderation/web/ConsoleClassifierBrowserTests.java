package dev.commentmoderation.web;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.commentmoderation.EmbeddedKafkaConfiguration;
import dev.commentmoderation.classifier.ModelRecords;
import dev.commentmoderation.classifier.ModelSelector;
import dev.commentmoderation.testing.Browser;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.KafkaClients;
import dev.commentmoderation.testing.SampleComments;
import dev.commentmoderation.testing.WorkbenchUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console shows what the spam classifier made of a held comment: moderators' verdicts teach the model (two of
 * each kind here), the next spam-like comment is held with SPAM_CLASSIFIER, and the console shows its spam
 * probability and highlights the content tokens that weighed towards spam.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "embedded.kafka.port=0", "spring.kafka.streams.application-id=console-classifier-test",
				"spring.kafka.streams.state-dir=${java.io.tmpdir}/console-classifier-test-${random.uuid}",
				"moderation.topics.partitions=1", "moderation.rules.flood-interval=0s",
				"moderation.classifier.min-spam-labels=2", "moderation.classifier.min-ham-labels=2",
				// held, not rejected: the reject threshold out of reach
				"moderation.classifier.hold-at=0.5", "moderation.classifier.reject-at=1.0", WorkbenchUsers.USERS_FILE })
@Import(EmbeddedKafkaConfiguration.class)
class ConsoleClassifierBrowserTests {

	static final String SPAM = "Cheap pills online buy viagra now at the pills shop best prices";

	static final String HAM = "Thanks for the report on the council budget the library cuts worry me";

	@LocalServerPort
	int port;

	@Autowired
	KafkaBroker broker;

	ChromeDriver browser;

	@BeforeEach
	void startBrowser() {
		this.browser = Browser.start(true);
	}

	@AfterEach
	void stopBrowser() {
		this.browser.quit();
	}

	@Test
	void theConsoleShowsTheSpamProbabilityAndHighlightsTheSpamTokens() {
		String run = "cls-" + System.nanoTime();
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			for (int i = 0; i < 4; i++) {
				String content = (i < 2) ? SPAM + " " + i : HAM + " " + i;
				KafkaClients.send(producer, "comments.submitted", run + i,
						SampleComments.comment(run + "-" + i, "Reader " + i, "reader" + i + "@example.org", content));
			}
		}
		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
				"comments.approved", "comments.held", "comments.rejected")) {
			assertThat(KafkaClients.readAtLeast(reader, 4, Duration.ofSeconds(60))).hasSizeGreaterThanOrEqualTo(4);
		}
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			for (int i = 0; i < 4; i++) {
				String verdict = "{\"commentId\":\"%s\",\"decision\":\"%s\",\"moderator\":\"anna\"}"
					.formatted(run + "-" + i, (i < 2) ? "REJECTED" : "APPROVED");
				KafkaClients.send(producer, "comments.reviewed", run + "-" + i, verdict.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		try (KafkaConsumer<byte[], byte[]> model = KafkaClients.committedReader(this.broker.bootstrapServers(),
				"comments.classifier-model")) {
			await().atMost(Duration.ofSeconds(60)).until(() -> learned(model.poll(Duration.ofMillis(200)).records(
					"comments.classifier-model")));
		}
		String probe = run + "-probe";
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			KafkaClients.send(producer, "comments.submitted", probe,
					SampleComments.comment(probe, "Reader 9", "reader9@example.org", "Hello! " + SPAM + " today"));
		}

		logIn(WorkbenchUsers.MODERATOR);
		WebElement row = wait(Duration.ofSeconds(60)).until(ExpectedConditions
			.elementToBeClickable(By.cssSelector("#items li[data-comment-id='" + probe + "']")));
		row.click();
		wait(Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-score"), "spam probability"));
		List<WebElement> marks = this.browser.findElements(By.cssSelector("#d-content mark"));
		assertThat(marks).isNotEmpty();
		assertThat(marks).extracting((mark) -> mark.getDomAttribute("title")).allMatch((t) -> t.startsWith("SPAM_CLASSIFIER"));
		assertThat(marks).extracting(WebElement::getText)
			.allMatch((text) -> SPAM.toLowerCase().contains(text.toLowerCase()), "a word of the spam text");
	}

	/** Whether the shared model's totals say two spam and two ham verdicts were learned. */
	private static boolean learned(Iterable<ConsumerRecord<byte[], byte[]>> records) {
		for (ConsumerRecord<byte[], byte[]> record : records) {
			ModelRecords.Key key = ModelRecords.key(record.key());
			if (key.site().equals(ModelSelector.SHARED) && key.isTotals() && record.value() != null) {
				ModelRecords.Totals totals = ModelRecords.totals(record.value());
				if (totals.spamLabels() >= 2 && totals.hamLabels() >= 2) {
					return true;
				}
			}
		}
		return false;
	}

	void logIn(String user) {
		this.browser.get("http://localhost:" + this.port + "/console/");
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
		this.browser.findElement(By.name("username")).sendKeys(user);
		this.browser.findElement(By.name("password")).sendKeys(user);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/console/"));
	}

	WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(this.browser, timeout);
	}

}
