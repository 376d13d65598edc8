package dev.commentmoderation.demosite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import dev.commentmoderation.demosite.testing.Browser;
import dev.commentmoderation.demosite.testing.KafkaBroker;
import dev.commentmoderation.demosite.testing.ModerationServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop in a real browser, as a person would use it: a real Kafka broker (in this JVM), the real
 * moderation service (its jar, as a child process) and the demo site, driven through headless Chromium. One
 * screenshot per step goes to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoSiteBrowserTest {

	private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

	private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(45);

	/** The site's data directory, kept across its restart (a JUnit @TempDir field would change between steps). */
	private Path dataDir;

	private KafkaBroker broker;

	private ModerationServiceProcess service;

	private ConfigurableApplicationContext site;

	private ChromeDriver browser;

	private String baseUrl;

	@BeforeAll
	void startEverything() throws Exception {
		this.dataDir = Files.createTempDirectory("demo-site-data-");
		this.broker = new KafkaBroker(0).start();
		// min-submit-time=0s: Selenium fills a form within milliseconds of its rendering, which the service would
		// rightly take for a bot; flood-interval=0s: every commenter here posts from 127.0.0.1 within seconds of
		// the last, which the service would rightly take for a flood. Both rules are covered by the service's tests.
		this.service = ModerationServiceProcess.start(this.broker.bootstrapServers(),
				Path.of("target", "moderation-service.log"), "--moderation.rules.min-submit-time=0s",
				"--moderation.rules.flood-interval=0s");
		startSite();
		this.browser = Browser.start(true);
	}

	@AfterAll
	void stopEverything() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.site != null) {
			this.site.close();
		}
		if (this.service != null) {
			this.service.close();
		}
		if (this.broker != null) {
			this.broker.close();
		}
	}

	@Test
	@Order(1)
	void step1TheArticlePageEndsInTheCommentForm() {
		this.browser.get(this.baseUrl + "/");
		assertThat(this.browser.getTitle()).contains("Night trains return");
		assertThat(text("h1")).isEqualTo("Night trains return to the coast line after twelve years");
		assertThat(text("#reply-title")).isEqualTo("Leave a Reply");
		assertThat(text(".comment-notes"))
			.isEqualTo("Your email address will not be published. Required fields are marked *");
		assertThat(text("label[for=comment]")).isEqualTo("Comment *");
		assertThat(text("label[for=author]")).isEqualTo("Name *");
		assertThat(text("label[for=email]")).isEqualTo("Email *");
		assertThat(text("label[for=url]")).isEqualTo("Website");
		assertThat(find("#subject").isDisplayed()).as("the honeypot is hidden from people").isFalse();
		assertThat(find("input[type=hidden][name=renderedAt]").getAttribute("value")).isNotBlank();
		assertThat(find("#comments-title").getText()).isEqualTo("0 Comments");
		screenshot("step-1-article-page");
	}

	@Test
	@Order(2)
	void step2AValidCommentAwaitsModerationThenAppearsWithoutAReload() throws Exception {
		this.browser.get(this.baseUrl + "/");
		// Hold the site's decision consumer for a moment, so that the "awaiting moderation" page is seen for sure.
		MessageListenerContainer decisions = this.site.getBean(KafkaListenerEndpointRegistry.class)
			.getListenerContainer("decisions");
		decisions.pause();
		await(Duration.ofSeconds(20)).until((driver) -> decisions.isContainerPaused());

		fill("comment", "Took the old sleeper in 2009 and still remember waking up above the bay.\nGlad it is back!");
		fill("author", "Ada Lovelace");
		fill("email", "ada@example.org");
		fill("url", "https://ada.example.org");
		submit();
		WebElement awaiting = await(DECISION_TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".comment-awaiting")));
		assertThat(awaiting.getText()).contains("Your comment is awaiting moderation.", "Ada Lovelace",
				"Glad it is back!");
		assertThat(find(".comment-awaiting a[href*='#comments']").getText()).isEqualTo("reload the page");
		screenshot("step-2a-awaiting-moderation");

		// The page notices the decision by itself: mark this page, and check the mark is still there afterwards.
		this.browser.executeScript("window.notReloaded = true;");
		decisions.resume();
		WebElement comment = await(DECISION_TIMEOUT).until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector(".comment-list li.comment:not(.comment-awaiting)")));
		assertThat(this.browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
		assertThat(comment.findElement(By.cssSelector(".comment-author a")).getText()).isEqualTo("Ada Lovelace");
		assertThat(comment.findElement(By.cssSelector(".comment-author a")).getAttribute("href"))
			.isEqualTo("https://ada.example.org/");
		assertThat(comment.findElement(By.cssSelector(".comment-content")).getText())
			.isEqualTo("Took the old sleeper in 2009 and still remember waking up above the bay.\nGlad it is back!");
		assertThat(comment.findElement(By.cssSelector("time")).getText()).matches("\\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2}");
		assertThat(find("#comments-title").getText()).isEqualTo("1 Comment");
		assertThat(text(".notice-success")).contains("your comment has been published");
		assertThat(this.browser.findElements(By.cssSelector(".comment-awaiting"))).isEmpty();
		assertThat(this.browser.getPageSource()).as("the email address is never published")
			.doesNotContain("ada@example.org");
		screenshot("step-2b-comment-approved");
	}

	@Test
	@Order(3)
	void step3ACommentWithoutAnEmailShowsTheReasonBesideTheEmailField() {
		this.browser.get(this.baseUrl + "/");
		fill("comment", "Will the bicycle spaces need a reservation?");
		fill("author", "Grace Hopper");
		submit();
		WebElement error = await(DECISION_TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-error")));
		assertThat(error.getText()).isEqualTo("Please enter your email address.");
		WebElement email = find("#email");
		assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(email.getAttribute("aria-describedby")).contains("email-error");
		assertThat(find("#comment").getAttribute("value")).as("the form keeps what they typed")
			.isEqualTo("Will the bicycle spaces need a reservation?");
		assertThat(find("#author").getAttribute("value")).isEqualTo("Grace Hopper");
		assertThat(find("#author").getAttribute("aria-invalid")).isNull();
		assertThat(text("#form-errors")).contains("Your comment was not published", "Please enter your email address.");
		assertThat(this.browser.switchTo().activeElement().getAttribute("id")).as("focus moves to the reasons")
			.isEqualTo("form-errors");
		assertThat(find("#comments-title").getText()).isEqualTo("1 Comment");
		screenshot("step-3-missing-email-rejected");
	}

	@Test
	@Order(4)
	void step4ACommentWithABlockedTermIsRejectedWithItsReason() {
		// Correct the email in the refilled form, and write something the rules block.
		fill("email", "grace@example.org");
		fill("comment", "Great news! Celebrate with a bonus at my CASINO tonight.");
		submit();
		WebElement error = await(DECISION_TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-error")));
		assertThat(error.getText()).containsIgnoringCase("casino");
		assertThat(find("#comment").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(find("#comment").getAttribute("value")).contains("CASINO tonight");
		assertThat(find("#email").getAttribute("value")).isEqualTo("grace@example.org");
		assertThat(this.browser.findElements(By.id("email-error"))).isEmpty();
		assertThat(find(".comment-list").getText()).doesNotContain("CASINO");
		assertThat(find("#comments-title").getText()).isEqualTo("1 Comment");
		screenshot("step-4-blocked-term-rejected");
	}

	@Test
	@Order(5)
	void step5AfterAReloadAndARestartTheApprovedCommentIsStillThere() throws Exception {
		this.browser.navigate().refresh();
		assertThat(find(".comment-list").getText()).contains("Ada Lovelace", "Glad it is back!");
		assertThat(this.browser.findElements(By.id("form-errors"))).as("the author still sees why, after a reload")
			.hasSize(1);

		// Somebody else (no session cookie) sees the approved comment, and not the rejected one's reasons.
		this.browser.manage().deleteAllCookies();
		this.browser.navigate().refresh();
		assertThat(find(".comment-list").getText()).contains("Ada Lovelace").doesNotContain("CASINO");
		assertThat(this.browser.findElements(By.id("form-errors"))).isEmpty();
		assertThat(this.browser.findElements(By.cssSelector("[aria-invalid=true]"))).isEmpty();

		// Restart the site: the approved comment comes back from its store.
		this.site.close();
		startSite();
		this.browser.get(this.baseUrl + "/");
		assertThat(find("#comments-title").getText()).isEqualTo("1 Comment");
		assertThat(find(".comment-list").getText()).contains("Ada Lovelace", "Glad it is back!");
		assertThat(Files.readString(this.dataDir.resolve("approved-comments.jsonl"))).contains("Ada Lovelace")
			.doesNotContain("ada@example.org");
		screenshot("step-5-reloaded-after-restart");
	}

	@Test
	@Order(6)
	void step6WithoutJavaScriptTheFormStillPostsAndAReloadShowsTheDecision() {
		ChromeDriver noScript = Browser.start(false);
		try {
			noScript.get(this.baseUrl + "/");
			noScript.findElement(By.id("comment")).sendKeys("Posted without JavaScript: any news on the fares for children?");
			noScript.findElement(By.id("author")).sendKeys("Tim Berners-Lee");
			noScript.findElement(By.id("email")).sendKeys("tim@example.org");
			noScript.findElement(By.id("submit")).click();
			assertThat(noScript.findElement(By.cssSelector(".comment-list")).getText())
				.contains("Your comment is awaiting moderation.");
			screenshot(noScript, "step-6a-no-javascript-awaiting");
			new WebDriverWait(noScript, DECISION_TIMEOUT, Duration.ofMillis(500)).until((driver) -> {
				driver.findElement(By.linkText("reload the page")).click();
				return driver.findElements(By.cssSelector(".comment-awaiting")).isEmpty();
			});
			assertThat(noScript.findElement(By.cssSelector(".comment-list")).getText())
				.contains("Tim Berners-Lee", "any news on the fares for children?");
			screenshot(noScript, "step-6b-no-javascript-approved");
		}
		finally {
			noScript.quit();
		}
	}

	@Test
	@Order(7)
	void step7AReasonWithoutAFormFieldIsShownAboveTheForm() {
		this.browser.get(this.baseUrl + "/");
		fill("comment", "Best prices on rail passes, click now");
		fill("author", "Form Filler 3000");
		fill("email", "bot@example.org");
		// What a form-filling bot does and a person cannot: fill in the hidden honeypot field.
		this.browser.executeScript("document.getElementById('subject').value = 'cheap tickets';");
		submit();
		WebElement summary = await(DECISION_TIMEOUT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
		assertThat(summary.getText()).contains("Your comment was not published",
				"Your comment looks automated and could not be accepted.");
		assertThat(this.browser.findElements(By.cssSelector("[aria-invalid=true]"))).isEmpty();
		assertThat(find("#subject").getAttribute("value")).as("the honeypot is never refilled").isEmpty();
		screenshot("step-7-honeypot-rejected");
	}

	@Test
	@Order(8)
	void step8AModeratorsCorrectionTakesAnApprovedCommentDown() throws Exception {
		this.browser.get(this.baseUrl + "/");
		WebElement ada = this.browser.findElements(By.cssSelector(".comment-list li.comment"))
			.stream()
			.filter((comment) -> comment.getText().contains("Ada Lovelace"))
			.findFirst()
			.orElseThrow();
		String commentId = ada.getAttribute("id").substring("comment-".length());
		assertThat(find("#comments-title").getText()).isEqualTo("2 Comments");

		review(commentId, "REJECTED");
		awaitAfterReloads((driver) -> !find(".comment-list").getText().contains("Ada Lovelace"));
		assertThat(this.browser.findElements(By.id("comment-" + commentId))).isEmpty();
		assertThat(find("#comments-title").getText()).isEqualTo("1 Comment");
		assertThat(find(".comment-list").getText()).contains("Tim Berners-Lee");
		screenshot("step-8-approved-comment-taken-down");

		// Taken down for good: not back after a restart of the site.
		this.site.close();
		startSite();
		this.browser.get(this.baseUrl + "/");
		assertThat(find(".comment-list").getText()).doesNotContain("Ada Lovelace");
	}

	@Test
	@Order(9)
	void step9AModeratorsCorrectionPublishesARejectedComment() throws Exception {
		String commentId = submitted().stream()
			.filter((record) -> record.value().contains("CASINO"))
			.map(ConsumerRecord::key)
			.findFirst()
			.orElseThrow();
		review(commentId, "APPROVED");
		this.browser.get(this.baseUrl + "/");
		awaitAfterReloads((driver) -> !this.browser.findElements(By.id("comment-" + commentId)).isEmpty());
		assertThat(find("#comment-" + commentId).getText()).contains("Grace Hopper", "CASINO tonight");
		assertThat(find("#comments-title").getText()).isEqualTo("2 Comments");
		screenshot("step-9-rejected-comment-rescued");
	}

	@Test
	@Order(10)
	void everyEventTheSitePublishedFollowsTheContract() throws Exception {
		List<ConsumerRecord<String, String>> records = submitted();
		assertThat(records).hasSize(5);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers()))) {
			assertThat(admin.listGroups().all().get(30, TimeUnit.SECONDS)).extracting(GroupListing::groupId)
				.as("the site reads decisions in its own consumer group").contains("demo-site");
		}
		assertThat(records).filteredOn((record) -> record.value().contains("\"honeypot\":\"\"")).hasSize(4);
		for (ConsumerRecord<String, String> record : records) {
			SubmittedEvents.assertValid(record.value());
			assertThat(record.value()).contains("\"formRenderedAt\":\"20");
			assertThat(record.value()).contains("\"commentId\":\"" + record.key() + "\"", "\"siteId\":\"demo-site\"",
					"\"postId\":\"night-trains-return\"");
		}
	}

	/** The CommentSubmitted events the site published (five, by the steps above). */
	private List<ConsumerRecord<String, String>> submitted() {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "contract-check-" + System.nanoTime(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of("comments.submitted"));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (records.size() < 5 && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
		}
		return records;
	}

	/** A moderator's verdict, as the workbench API (or a moderator tool) publishes it. */
	private void review(String commentId, String decision) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("comments.reviewed", commentId, """
					{"commentId":"%s","decision":"%s","moderator":"anna"}""".formatted(commentId, decision)))
				.get(30, TimeUnit.SECONDS);
		}
	}

	/** A correction is not pushed to an open page (only pending comments are polled): a visitor sees it on reload. */
	private void awaitAfterReloads(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(this.browser, DECISION_TIMEOUT, Duration.ofMillis(500)).until((driver) -> {
			driver.navigate().refresh();
			return condition.apply(driver);
		});
	}

	private void startSite() {
		this.site = new SpringApplicationBuilder(DemoSiteApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + this.broker.bootstrapServers(), "--demo.data-dir=" + this.dataDir,
				"--logging.level.org.openqa.selenium=ERROR");
		this.baseUrl = "http://localhost:" + this.site.getEnvironment().getProperty("local.server.port");
	}

	private WebElement find(String css) {
		return this.browser.findElement(By.cssSelector(css));
	}

	private String text(String css) {
		return find(css).getText().strip();
	}

	private void fill(String id, String value) {
		WebElement field = this.browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(value);
	}

	private void submit() {
		this.browser.findElement(By.id("submit")).click();
	}

	private WebDriverWait await(Duration timeout) {
		return new WebDriverWait(this.browser, timeout, Duration.ofMillis(200));
	}

	private void screenshot(String name) {
		screenshot(this.browser, name);
	}

	private static void screenshot(ChromeDriver driver, String name) {
		Browser.screenshot(driver, SCREENSHOTS, name);
	}

}
