package dev.commentmoderation.stream;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

import dev.commentmoderation.settings.TopicSettings;

/**
 * Stops start-up, before the stream starts, when the approved or rejected topic does not have
 * {@code moderation.topics.partitions} partitions: the review stage reads them partition for partition beside its
 * repartition topics (a comment's decision and its reviews must meet in one task). A missing topic is left to Kafka
 * Streams to report; a broker that cannot be asked within the timeout is logged and the stream starts as before.
 */
final class DecisionTopicsCheck implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DecisionTopicsCheck.class);

	/** Before the streams factory bean (Integer.MAX_VALUE - 1000). */
	static final int PHASE = Integer.MAX_VALUE - 2000;

	private final KafkaAdmin admin;

	private final TopicSettings topics;

	private volatile boolean running;

	DecisionTopicsCheck(KafkaAdmin admin, TopicSettings topics) {
		this.admin = admin;
		this.topics = topics;
	}

	@Override
	public void start() {
		try (Admin client = Admin.create(this.admin.getConfigurationProperties())) {
			for (String topic : new String[] { this.topics.approved(), this.topics.rejected() }) {
				check(client, topic);
			}
		}
		this.running = true;
	}

	private void check(Admin client, String topic) {
		TopicDescription description;
		try {
			description = client.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
				.get(topic);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
				log.warn("Could not check the partitions of topic {}: {}", topic, ex.getCause().toString());
			}
			return;
		}
		catch (TimeoutException ex) {
			log.warn("Could not check the partitions of topic {} within 10 s", topic);
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		int partitions = description.partitions().size();
		if (partitions != this.topics.partitions()) {
			throw new IllegalStateException("moderation.topics.partitions is " + this.topics.partitions() + " but topic "
					+ topic + " has " + partitions + " partitions: they must be equal, because the review stage reads "
					+ "the approved and rejected topics partition for partition beside its repartition topics. Set "
					+ "moderation.topics.partitions to " + partitions + " (and the other topics' partitions alike), "
					+ "see docs/operations.md");
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
