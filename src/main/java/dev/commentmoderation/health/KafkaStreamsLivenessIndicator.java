package dev.commentmoderation.health;

import org.apache.kafka.streams.KafkaStreams.State;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Liveness of the Kafka Streams client: DOWN only when it has failed for good (ERROR or on its way there), so
 * the platform restarts the instance. A slow start or a rebalance is not a reason to restart.
 */
@Component("kafkaStreamsLiveness")
class KafkaStreamsLivenessIndicator implements HealthIndicator {

	private final StreamsStateTracker tracker;

	KafkaStreamsLivenessIndicator(StreamsStateTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public Health health() {
		State state = this.tracker.state();
		boolean failed = state == State.ERROR || state == State.PENDING_ERROR;
		return (failed ? Health.down() : Health.up()).withDetail("state", state.name()).build();
	}

}
