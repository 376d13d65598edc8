package dev.commentmoderation.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.interactions.Actions;
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
 * broker in this JVM (one of each for the whole class): a moderator logs in, sees a held comment with its held term
 * highlighted, approves it, and the approved decision is on the topic with the moderator's name; the keyboard
 * shortcuts, bulk selection, the author drawer and the corrections view, each checked on the output topics. Every
 * test submits to a site of its own and picks it in the sites list, so the tests do not see each other's comments.
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
		WebElement row = within(Duration.ofSeconds(60))
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#items li[data-comment-id='" + commentId + "']")));
		row.click();
		// the held term's match is highlighted by code point offsets: after two emoji (each two UTF-16 units, one
		// code point), so offsets taken as UTF-16 units would mark a slice two characters too early
		List<WebElement> marks = this.browser.findElements(By.cssSelector("#d-content mark"));
		assertThat(marks).extracting(WebElement::getText).containsExactly("refund");
		this.browser.findElement(By.id("approve")).click();
		within(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "approved"));

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

	@Nested
	class KeyboardShortcuts {

		@Test
		void jAndKMoveTheCurrentCommentDownAndUp() {
			String site = site();
			String first = hold(site, "first", "ada-" + site + "@example.org");
			String second = hold(site, "second", "bob-" + site + "@example.org");
			logIn(WorkbenchUsers.MODERATOR);
			showSite(site, 2);

			press("j");
			assertThat(currentCommentId()).isEqualTo(second);
			press("k");
			assertThat(currentCommentId()).isEqualTo(first);
		}

		@Test
		void aApprovesTheCurrentComment() {
			String site = site();
			String commentId = hold(site, "approve", "ada-" + site + "@example.org");
			logIn(WorkbenchUsers.MODERATOR);
			showSite(site, 1);

			press("a");

			JsonNode approved = awaitDecision("comments.approved", commentId);
			assertThat(approved.get("review").get("moderator").stringValue()).isEqualTo(WorkbenchUsers.MODERATOR);
		}

		@Test
		void sRejectsTheCurrentCommentAsSpam() {
			String site = site();
			String commentId = hold(site, "spam", "ada-" + site + "@example.org");
			logIn(WorkbenchUsers.MODERATOR);
			showSite(site, 1);

			press("s");

			assertThat(awaitDecision("comments.rejected", commentId).get("review").get("spam").booleanValue()).isTrue();
		}

		@Test
		void rRejectsTheCurrentCommentAsNotSpam() {
			String site = site();
			String commentId = hold(site, "not-spam", "ada-" + site + "@example.org");
			logIn(WorkbenchUsers.MODERATOR);
			showSite(site, 1);

			press("r");

			assertThat(awaitDecision("comments.rejected", commentId).get("review").get("spam").booleanValue()).isFalse();
		}

		@Test
		void escapeClosesTheAuthorDrawer() {
			String site = site();
			hold(site, "drawer", "ada-" + site + "@example.org");
			logIn(WorkbenchUsers.MODERATOR);
			showSite(site, 1);
			ConsoleBrowserTests.this.browser.findElement(By.id("d-author")).click();
			within(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("drawer")));

			press(Keys.ESCAPE);

			within(Duration.ofSeconds(10)).until(ExpectedConditions.invisibilityOfElementLocated(By.id("drawer")));
		}

	}

	@Nested
	class BulkSelection {

		@Test
		void xSelectsSeveralAndOneVerdictDecidesThemAll() {
			String site = site();
			List<String> held = List.of(hold(site, "bulk-1", "ada-" + site + "@example.org"),
					hold(site, "bulk-2", "bob-" + site + "@example.org"),
					hold(site, "bulk-3", "cy-" + site + "@example.org"));
			logIn(WorkbenchUsers.MODERATOR);
			showSite(site, 3);

			press("x");
			press("j");
			press("x");
			press("j");
			press("x");
			within(Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-count"), "3 selected"));
			ConsoleBrowserTests.this.browser.findElement(By.cssSelector("#bulk button[data-bulk='APPROVED']")).click();

			for (String commentId : held) {
				assertThat(awaitDecision("comments.approved", commentId).get("review").get("moderator").stringValue())
					.isEqualTo(WorkbenchUsers.MODERATOR);
			}
		}

	}

	@Nested
	class AuthorDrawer {

		@Test
		void showsTheAuthorsRecentComments() {
			String site = site();
			String email = "ada-" + site + "@example.org";
			String first = hold(site, "earlier", email);
			// from the same email at once: rejected as a FLOOD, and in the author's history as well
			String second = submit(site, "later", email, "And a second question.");
			awaitDecision("comments.rejected", second);
			logIn(WorkbenchUsers.MODERATOR);
			showSite(site, 1);

			ConsoleBrowserTests.this.browser.findElement(By.id("d-author")).click();

			within(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("drawer-email"), email));
			within(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("drawer-history"), second));
			assertThat(ConsoleBrowserTests.this.browser.findElement(By.id("drawer-history")).getText()).contains(first);
		}

		@Test
		void banPublishesTheBanWithTheModeratorsName() {
			String site = site();
			String email = "ada-" + site + "@example.org";
			hold(site, "to-ban", email);
			logIn(WorkbenchUsers.MODERATOR);
			showSite(site, 1);
			ConsoleBrowserTests.this.browser.findElement(By.id("d-author")).click();
			within(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("drawer-email"), email));

			ConsoleBrowserTests.this.browser.findElement(By.cssSelector(".author-actions button[data-action='BAN']")).click();

			JsonNode action = awaitRecord("comments.author-actions", email, (event) -> true);
			assertThat(action.get("action").stringValue()).isEqualTo("BAN");
			assertThat(action.get("moderator").stringValue()).isEqualTo(WorkbenchUsers.MODERATOR);
		}

	}

	@Nested
	class Corrections {

		@Test
		void anApprovedCommentOfTheSiteIsTakenDownAsSpam() {
			String site = site();
			String commentId = approved(site, "approved", "ada-" + site + "@example.org");
			logIn(WorkbenchUsers.MODERATOR);
			showCorrections("approved", site, commentId);

			ConsoleBrowserTests.this.browser.findElement(By.id("reject-spam")).click();

			JsonNode rejected = awaitDecision("comments.rejected", commentId);
			assertThat(rejected.get("revision").intValue()).isEqualTo(2);
			assertThat(rejected.get("review").get("spam").booleanValue()).isTrue();
		}

		@Test
		void aRejectedCommentOfTheSiteIsRescued() {
			String site = site();
			String commentId = approved(site, "rejected", "ada-" + site + "@example.org");
			takeDown(commentId);
			logIn(WorkbenchUsers.MODERATOR);
			showCorrections("rejected", site, commentId);

			ConsoleBrowserTests.this.browser.findElement(By.id("approve")).click();

			assertThat(awaitRecord("comments.approved", commentId, (d) -> d.get("revision").intValue() == 3)
				.get("review").get("moderator").stringValue()).isEqualTo(WorkbenchUsers.MODERATOR);
		}

	}

	/**
	 * The scenario, as a moderator works through it: approve a held comment from the queue, take down an
	 * approved spam comment from the corrections view, ban its author from the drawer, and the author's next
	 * comment is rejected as AUTHOR_BANNED.
	 */
	@Test
	void aModeratorApprovesTakesDownBansAndTheBannedAuthorsNextCommentIsRejected() {
		String site = site();
		String held = hold(site, "question", "ada-" + site + "@example.org");
		String spammer = "spammer-" + site + "@example.org";
		String spam = approved(site, "spam", spammer);
		logIn(WorkbenchUsers.MODERATOR);

		showSite(site, 1);
		ConsoleBrowserTests.this.browser.findElement(By.id("approve")).click();
		assertThat(awaitDecision("comments.approved", held).get("review").get("moderator").stringValue())
			.isEqualTo(WorkbenchUsers.MODERATOR);

		showCorrections("approved", site, spam);
		this.browser.findElement(By.id("reject-spam")).click();
		assertThat(awaitRecord("comments.rejected", spam, (d) -> d.get("revision").intValue() == 2)).isNotNull();

		this.browser.findElement(By.id("d-author")).click();
		within(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("drawer-email"), spammer));
		this.browser.findElement(By.cssSelector(".author-actions button[data-action='BAN']")).click();
		// the stream applies an action to every comment it reads after it: wait until it has read the ban
		awaitBanned(spammer);

		String next = submit(site, "next", spammer, "One more thought on the article.");
		JsonNode rejected = awaitDecision("comments.rejected", next);
		List<String> codes = new java.util.ArrayList<>();
		rejected.get("reasons").forEach((reason) -> codes.add(reason.get("code").stringValue()));
		assertThat(codes).contains("AUTHOR_BANNED");
	}

	@Test
	void aViewerSeesNoActionButtons() {
		logIn(WorkbenchUsers.VIEWER);
		within(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), "viewer"));
		assertThat(this.browser.findElement(By.id("approve")).getDomAttribute("hidden")).isNotNull();
		assertThat(this.browser.findElement(By.id("reject-spam")).getDomAttribute("hidden")).isNotNull();
	}

	@Test
	void aWrongPasswordStaysOnTheLoginPage() {
		this.browser.get("http://localhost:" + this.port + "/console/");
		this.browser.findElement(By.name("username")).sendKeys(WorkbenchUsers.MODERATOR);
		this.browser.findElement(By.name("password")).sendKeys("wrong");
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		within(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?error"));
	}

	static int submitted;

	static String site() {
		return "browser-" + System.nanoTime();
	}

	/** Comment ids start with the site, so they are every test's own. */
	String submit(String site, String name, String email, String content) {
		String commentId = site + "-" + name;
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(this.broker.bootstrapServers())) {
			// an IP of its own: comments from one IP within the flood interval are rejected
			KafkaClients.send(producer, "comments.submitted", commentId, SampleComments.comment(commentId, site, "Ada",
					email, "198.51.100." + (++submitted % 250 + 1), content));
		}
		return commentId;
	}

	/** A comment held for its term ("refund"); the name in the text keeps an author's comments from being duplicates. */
	String hold(String site, String name, String email) {
		assumeTrue(this.moderationState.getIfAvailable() != null, "no ModerationState bean");
		return submit(site, name, email, "Where is my refund for " + name + ", please?");
	}

	/** A comment the rules let through (the spam they miss, for a correction), once the stream approved it. */
	String approved(String site, String name, String email) {
		String commentId = submit(site, name, email, "Thanks for the write-up, very clear.");
		awaitDecision("comments.approved", commentId);
		return commentId;
	}

	void takeDown(String commentId) {
		HttpResponse<String> response = WorkbenchApiTests.exchange(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/comments/" + commentId + "/verdict"))
			.header("Authorization", WorkbenchUsers.basic(WorkbenchUsers.MODERATOR))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"REJECTED\"}"))
			.build());
		assertThat(response.statusCode()).isEqualTo(202);
		awaitRecord("comments.rejected", commentId, (d) -> d.get("revision").intValue() == 2);
	}

	void awaitBanned(String email) {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> response = WorkbenchApiTests.exchange(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/authors/" + email))
				.header("Authorization", WorkbenchUsers.basic(WorkbenchUsers.VIEWER))
				.build());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode action = json.readTree(response.body()).get("status").get("action");
			assertThat(action.isObject() && "BAN".equals(action.get("action").stringValue())).isTrue();
		});
	}

	/** The pending queue of one site (picked in the sites list), once it shows this many comments. */
	void showSite(String site, int comments) {
		within(Duration.ofSeconds(60))
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#site-list li[data-site='" + site + "']")))
			.click();
		within(Duration.ofSeconds(30)).until((driver) -> driver.findElements(By.cssSelector("#items li")).size() == comments
				&& driver.findElements(By.cssSelector("#items li[data-comment-id^='" + site + "-']")).size() == comments);
	}

	/** The corrections tab (approved or rejected) of one site, with this comment current. */
	void showCorrections(String tab, String site, String commentId) {
		this.browser.findElement(By.cssSelector("#tabs button[data-tab='" + tab + "']")).click();
		// a decision is listed as soon as the stream recorded it: look again until it is
		within(Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1))
			// each click reads the list again and redraws it
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> {
			List<WebElement> sites = driver.findElements(By.cssSelector("#site-list li[data-site='" + site + "']"));
			if (sites.isEmpty()) {
				driver.findElement(By.id("lookup-clear")).click();
				return false;
			}
			sites.get(0).click();
			return !driver.findElements(By.cssSelector("#items li[data-comment-id='" + commentId + "']")).isEmpty();
		});
		// a read still under way may redraw the list once more: click until the row is the current one (it stays so)
		By row = By.cssSelector("#items li[data-comment-id='" + commentId + "']");
		within(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until((driver) -> {
			driver.findElement(row).click();
			return driver.findElement(row).getDomAttribute("class").contains("current");
		});
	}

	void press(CharSequence key) {
		new Actions(this.browser).sendKeys(key).perform();
	}

	String currentCommentId() {
		return this.browser.findElement(By.cssSelector("#items li.current")).getDomAttribute("data-comment-id");
	}

	/** The decision for this comment on this topic (the newest revision there). */
	JsonNode awaitDecision(String topic, String commentId) {
		return awaitRecord(topic, commentId, (decision) -> true);
	}

	JsonNode awaitRecord(String topic, String key, java.util.function.Predicate<JsonNode> wanted) {
		try (KafkaConsumer<byte[], byte[]> reader = KafkaClients.committedReader(this.broker.bootstrapServers(), topic)) {
			java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
			while (java.time.Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(500))) {
					if (record.key() != null && key.equals(KafkaClients.utf8(record.key()))) {
						JsonNode value = json.readTree(record.value());
						if (wanted.test(value)) {
							return value;
						}
					}
				}
			}
		}
		throw new AssertionError("No record keyed " + key + " as wanted on " + topic + " within 60 s");
	}

	void logIn(String user) {
		this.browser.get("http://localhost:" + this.port + "/console/");
		within(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
		this.browser.findElement(By.name("username")).sendKeys(user);
		this.browser.findElement(By.name("password")).sendKeys(user);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		within(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/console/"));
	}

	WebDriverWait within(Duration timeout) {
		return new WebDriverWait(this.browser, timeout);
	}

}
