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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.commentmoderation.EmbeddedKafkaConfiguration;
import dev.commentmoderation.testing.Browser;
import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.KafkaClients;
import dev.commentmoderation.testing.SampleComments;
import dev.commentmoderation.testing.WorkbenchUsers;
import dev.commentmoderation.workbench.ModerationState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in headless Chromium (Debian's chromium and chromium-driver) against the whole service and a KRaft
 * broker in this JVM: a moderator logs in, sees a held comment with its held term highlighted, approves it, and
 * the approved decision is on the topic with the moderator's name.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "embedded.kafka.port=0", "spring.kafka.streams.application-id=console-browser-test",
				"spring.kafka.streams.state-dir=${java.io.tmpdir}/console-browser-test-${random.uuid}",
				"moderation.topics.partitions=1", "moderation.rules.held-terms=refund", WorkbenchUsers.USERS_FILE })
@Import(EmbeddedKafkaConfiguration.class)
class ConsoleBrowserTests {

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	KafkaBroker broker;

	@Autowired
	ObjectProvider<ModerationState> moderationState;

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
	void aModeratorApprovesAHeldCommentAndTheDecisionCarriesTheirName() {
		// the queue is read from the stream's state: needs the stream's ModerationState (stream.StreamsModerationState)
		assumeTrue(this.moderationState.getIfAvailable() != null, "no ModerationState bean: the stream does not expose its state yet");
		String commentId = "console-" + System.nanoTime();
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			KafkaClients.send(producer, "comments.submitted", commentId, SampleComments.comment(commentId, "Ada",
					"ada@example.org", "\uD83D\uDE00\uD83D\uDE00 Where is my refund, please?"));
		}

		logIn(WorkbenchUsers.MODERATOR);
		WebElement row = wait(Duration.ofSeconds(60))
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#items li[data-comment-id='" + commentId + "']")));
		row.click();
		// the held term's match is highlighted by code point offsets: after two emoji (each two UTF-16 units, one
		// code point), so offsets taken as UTF-16 units would mark a slice two characters too early
		List<WebElement> marks = this.browser.findElements(By.cssSelector("#d-content mark"));
		assertThat(marks).extracting(WebElement::getText).containsExactly("refund");
		this.browser.findElement(By.id("approve")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "approved"));

		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(),
				"comments.approved")) {
			List<JsonNode> approved = KafkaClients.readAtLeast(reader, 1, Duration.ofSeconds(60))
				.stream()
				.map(ConsumerRecord::value)
				.map(json::readTree)
				.filter((decision) -> commentId.equals(decision.get("commentId").stringValue()))
				.toList();
			assertThat(approved).hasSize(1);
			assertThat(approved.get(0).get("review").get("moderator").stringValue()).isEqualTo(WorkbenchUsers.MODERATOR);
		}
	}

	@Test
	void aViewerSeesNoActionButtons() {
		logIn(WorkbenchUsers.VIEWER);
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), "viewer"));
		assertThat(this.browser.findElement(By.id("approve")).getDomAttribute("hidden")).isNotNull();
		assertThat(this.browser.findElement(By.id("reject-spam")).getDomAttribute("hidden")).isNotNull();
	}

	@Test
	void aWrongPasswordStaysOnTheLoginPage() {
		this.browser.get("http://localhost:" + this.port + "/console/");
		this.browser.findElement(By.name("username")).sendKeys(WorkbenchUsers.MODERATOR);
		this.browser.findElement(By.name("password")).sendKeys("wrong");
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?error"));
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
