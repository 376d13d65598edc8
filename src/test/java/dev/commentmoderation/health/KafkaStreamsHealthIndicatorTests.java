package dev.commentmoderation.health;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaStreamsHealthIndicatorTests {

	final StreamsStateTracker tracker = new StreamsStateTracker();

	final KafkaStreamsHealthIndicator readiness = new KafkaStreamsHealthIndicator(this.tracker);

	final KafkaStreamsLivenessIndicator liveness = new KafkaStreamsLivenessIndicator(this.tracker);

	@Test
	void readinessIsDownUntilTheStreamFirstRuns() {
		assertThat(this.readiness.health().getStatus()).isEqualTo(Status.DOWN);
		this.tracker.onChange(State.REBALANCING, State.CREATED);
		assertThat(this.readiness.health().getStatus()).isEqualTo(Status.DOWN);
		this.tracker.onChange(State.RUNNING, State.REBALANCING);
		assertThat(this.readiness.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void aRebalanceAfterTheStreamHasRunKeepsItReady() {
		this.tracker.onChange(State.REBALANCING, State.CREATED);
		this.tracker.onChange(State.RUNNING, State.REBALANCING);
		this.tracker.onChange(State.REBALANCING, State.RUNNING);

		assertThat(this.readiness.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void aFailedStreamIsNeitherReadyNorLive() {
		this.tracker.onChange(State.RUNNING, State.REBALANCING);
		this.tracker.onChange(State.PENDING_ERROR, State.RUNNING);
		this.tracker.onChange(State.ERROR, State.PENDING_ERROR);

		assertThat(this.readiness.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.liveness.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void aSlowStartIsNoReasonToRestart() {
		assertThat(this.liveness.health().getStatus()).isEqualTo(Status.UP);
		this.tracker.onChange(State.REBALANCING, State.CREATED);
		assertThat(this.liveness.health().getStatus()).isEqualTo(Status.UP);
	}

}
