package dev.commentmoderation.health;

import org.apache.kafka.streams.KafkaStreams.State;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the Kafka Streams client, in the readiness group: UP once the stream has run (RUNNING, or a
 * REBALANCING that follows a run), DOWN before that and once it stops or fails.
 */
@Component("kafkaStreams")
class KafkaStreamsHealthIndicator implements HealthIndicator {

	private final StreamsStateTracker tracker;

	KafkaStreamsHealthIndicator(StreamsStateTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public Health health() {
		State state = this.tracker.state();
		boolean up = state == State.RUNNING || (state == State.REBALANCING && this.tracker.hasRun());
		return (up ? Health.up() : Health.down()).withDetail("state", state.name()).build();
	}

}
