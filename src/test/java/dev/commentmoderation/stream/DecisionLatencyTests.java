package dev.commentmoderation.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.rules.CommentModerator;
import dev.commentmoderation.rules.RuleSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The end-to-end latency the listener hears of: from the comment's record timestamp to its first decision. */
class DecisionLatencyTests {

	static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	final List<Duration> latencies = new ArrayList<>();

	TopologyTestDriver driver;

	TestInputTopic<byte[], byte[]> submitted;

	@BeforeEach
	void start() {
		StreamsBuilder builder = new StreamsBuilder();
		ModerationListener listener = new ModerationListener() {
			@Override
			public void decisionLatency(Duration sinceSubmitted) {
				DecisionLatencyTests.this.latencies.add(sinceSubmitted);
			}
		};
		new ModerationTopology(new ModerationTopology.Topics("in", "ok", "no", "dlt"),
				new CommentModerator(RuleSettings.DEFAULTS)::moderate, listener, Clock.fixed(NOW, ZoneOffset.UTC))
			.addTo(builder);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "decision-latency-tests");
		config.put(StreamsConfig.STATE_DIR_CONFIG,
				System.getProperty("java.io.tmpdir") + "/decision-latency-tests-" + System.nanoTime());
		this.driver = new TopologyTestDriver(builder.build(), config);
		this.submitted = this.driver.createInputTopic("in", new ByteArraySerializer(), new ByteArraySerializer());
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
		this.submitted.pipeInput(commentId.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8),
				recordTime);
	}

}
