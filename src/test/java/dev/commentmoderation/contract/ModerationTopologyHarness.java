package dev.commentmoderation.contract;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import dev.commentmoderation.rules.CommentModerator;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;
import dev.commentmoderation.stream.ModerationListener;
import dev.commentmoderation.stream.ModerationTopology;

/**
 * The real moderation topology in a {@link TopologyTestDriver} (no broker), configured as the README's dev run:
 * default topics and rules, blocked term "casino", held term "refund", exactly_once_v2, byte[] keys and values.
 */
final class ModerationTopologyHarness implements AutoCloseable {

	static final ModerationTopology.Topics TOPICS = new ModerationTopology.Topics("comments.submitted",
			"comments.approved", "comments.rejected", "comments.submitted.DLT", "comments.held", "comments.reviewed",
			"comments.author-actions", "comments.classifier-model", 6);

	static final Instant MODERATED_AT = Instant.parse("2026-11-28T03:34:01.250Z");

	/** One output record of the topology. */
	record Output(String topic, byte[] key, byte[] value, Headers headers) {

		String keyAsString() {
			return (key == null) ? null : new String(key, StandardCharsets.UTF_8);
		}

	}

	private final TopologyTestDriver driver;

	private final TestInputTopic<byte[], byte[]> submitted;

	private final TestInputTopic<byte[], byte[]> reviewed;

	private final List<TestOutputTopic<byte[], byte[]>> outputs = new ArrayList<>();

	static final List<String> OUTPUT_TOPICS = List.of(TOPICS.approved(), TOPICS.rejected(), TOPICS.held(),
			TOPICS.deadLetter());

	ModerationTopologyHarness() {
		StreamsBuilder builder = new StreamsBuilder();
		new ModerationTopology(TOPICS,
				new CommentModerator(
						RuleSettings.DEFAULTS.withBlockedTerms(List.of("casino")).withHeldTerms(List.of("refund"))),
				StatefulSettings.DEFAULTS, ModerationListener.NONE, Clock.fixed(MODERATED_AT, ZoneOffset.UTC))
			.addTo(builder);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "comment-moderation-contract-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.STATE_DIR_CONFIG,
				System.getProperty("java.io.tmpdir") + "/contract-harness-" + java.util.UUID.randomUUID());
		this.driver = new TopologyTestDriver(builder.build(), config);
		this.submitted = this.driver.createInputTopic(TOPICS.submitted(), new ByteArraySerializer(),
				new ByteArraySerializer());
		this.reviewed = this.driver.createInputTopic(TOPICS.reviewed(), new ByteArraySerializer(),
				new ByteArraySerializer());
		for (String topic : OUTPUT_TOPICS) {
			this.outputs.add(this.driver.createOutputTopic(topic, new ByteArrayDeserializer(),
					new ByteArrayDeserializer()));
		}
	}

	/** Pipes one record and returns everything the topology wrote for it, on any output topic. */
	List<Output> send(byte[] key, byte[] value, Instant timestamp) {
		this.submitted.pipeInput(new TestRecord<>(key, value, new RecordHeaders(), timestamp));
		return written();
	}

	/** Pipes one moderator review and returns everything the topology wrote for it, on any output topic. */
	List<Output> review(byte[] key, byte[] value, Instant timestamp) {
		this.reviewed.pipeInput(new TestRecord<>(key, value, new RecordHeaders(), timestamp));
		return written();
	}

	private List<Output> written() {
		List<Output> written = new ArrayList<>();
		List<String> topics = OUTPUT_TOPICS;
		for (int i = 0; i < topics.size(); i++) {
			for (TestRecord<byte[], byte[]> record : this.outputs.get(i).readRecordsToList()) {
				written.add(new Output(topics.get(i), record.key(), record.value(), record.headers()));
			}
		}
		return written;
	}

	@Override
	public void close() {
		this.driver.close();
	}

}
