package dev.commentmoderation.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.testing.ModerationTopologyDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** The end-to-end latency the listener hears of: from the comment's record timestamp to its first decision. */
class DecisionLatencyTests {

	static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	final List<Duration> latencies = new ArrayList<>();

	ModerationTopologyDriver driver;

	@BeforeEach
	void start() {
		ModerationListener listener = new ModerationListener() {
			@Override
			public void decisionLatency(Duration sinceSubmitted) {
				DecisionLatencyTests.this.latencies.add(sinceSubmitted);
			}
		};
		this.driver = ModerationTopologyDriver.with().listener(listener).at(NOW).start();
	}

	@AfterEach
	void close() {
		this.driver.close();
	}

	@Test
	void aCommentDecidedInTheAuthorStageReportsTheTimeSinceItsRecordWasWritten() {
		submit("c-1", "ada@example.org", NOW.minusSeconds(3));

		assertThat(this.latencies).containsExactly(Duration.ofSeconds(3));
	}

	@Test
	void aCommentDecidedInTheFirstStageReportsItToo() {
		submit("c-2", "not an address", NOW.minusMillis(250));

		assertThat(this.latencies).containsExactly(Duration.ofMillis(250));
	}

	@Test
	void aRecordStampedInTheFutureCountsAsZeroNotNegative() {
		submit("c-3", "ada@example.org", NOW.plusSeconds(5));

		assertThat(this.latencies).containsExactly(Duration.ZERO);
	}

	private void submit(String commentId, String email, Instant recordTime) {
		String json = "{\"commentId\":\"" + commentId + "\",\"postId\":\"p-1\",\"siteId\":\"s\",\"author\":{\"name\":"
				+ "\"A Reader\",\"email\":\"" + email + "\"},\"content\":\"Thanks.\",\"formRenderedAt\":\""
				+ NOW.minusSeconds(60) + "\",\"submittedAt\":\"" + recordTime + "\"}";
		this.driver.submit(commentId, json, recordTime);
	}

}
