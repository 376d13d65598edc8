package dev.commentmoderation.contract;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;

import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.stream.ModerationTopology;
import dev.commentmoderation.testing.ModerationTopologyDriver;
import dev.commentmoderation.testing.ModerationTopologyDriver.Output;

/**
 * The real moderation topology (in a {@link ModerationTopologyDriver}, no broker) configured as the README's dev
 * run: the service's default topics and settings, blocked term "casino", held term "refund"; each input returns
 * everything the topology wrote for it.
 */
final class ModerationTopologyHarness implements AutoCloseable {

	static final ModerationTopology.Topics TOPICS = ModerationTopologyDriver.TOPICS;

	/** The topology's clock: every decision's moderatedAt. */
	static final Instant MODERATED_AT = Instant.parse("2026-11-28T03:34:01.250Z");

	private final ModerationTopologyDriver driver = ModerationTopologyDriver.with()
		.rules(RuleSettings.DEFAULTS.withBlockedTerms(List.of("casino")).withHeldTerms(List.of("refund")))
		.at(MODERATED_AT)
		.start();

	/** Pipes one record and returns everything the topology wrote for it, on any output topic. */
	List<Output> send(byte[] key, byte[] value, Instant timestamp) {
		this.driver.submitted().pipeInput(new TestRecord<>(key, value, new RecordHeaders(), timestamp));
		return this.driver.readAll();
	}

	/** Pipes one moderator review and returns everything the topology wrote for it, on any output topic. */
	List<Output> review(byte[] key, byte[] value, Instant timestamp) {
		this.driver.reviewed().pipeInput(new TestRecord<>(key, value, new RecordHeaders(), timestamp));
		return this.driver.readAll();
	}

	@Override
	public void close() {
		this.driver.close();
	}

}
