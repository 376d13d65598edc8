package dev.commentmoderation.health;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Follows the Kafka Streams client's state, and remembers whether it has ever run. */
@Component
public class StreamsStateTracker implements KafkaStreams.StateListener {

	private static final Logger log = LoggerFactory.getLogger(StreamsStateTracker.class);

	private volatile State state = State.CREATED;

	private volatile boolean hasRun;

	@Override
	public void onChange(State newState, State oldState) {
		this.state = newState;
		if (newState == State.RUNNING) {
			this.hasRun = true;
		}
		log.info("Kafka Streams state {} -> {}", oldState, newState);
	}

	public State state() {
		return this.state;
	}

	public boolean hasRun() {
		return this.hasRun;
	}

}
