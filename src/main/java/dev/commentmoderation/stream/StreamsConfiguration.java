package dev.commentmoderation.stream;

import java.time.Clock;
import java.util.Properties;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.util.StringUtils;

import dev.commentmoderation.stage.*;
import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.health.StreamsStateTracker;
import dev.commentmoderation.policy.ActivePolicy;
import dev.commentmoderation.policy.PolicyLoader;
import dev.commentmoderation.rules.StatefulSettings;
import dev.commentmoderation.settings.ClassifierProperties;
import dev.commentmoderation.settings.TopicSettings;

/** Runs the moderation topology in Spring Kafka's StreamsBuilderFactoryBean, configured by spring.kafka.streams.*. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StreamsConfiguration.class);

	@Bean
	ModerationTopology moderationTopology(StreamsBuilder builder, TopicSettings topics, ActivePolicy policy,
			PolicyLoader policyLoader, StatefulSettings stateful, ClassifierProperties classifier,
			ObjectProvider<ModerationListener> listener) {
		ClassifierSettings classifierSettings;
		try {
			classifierSettings = classifier.enabled() ? classifier.toSettings() : null;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Invalid moderation.classifier settings: " + ex.getMessage(), ex);
		}
		ModerationTopology topology = new ModerationTopology(
				new ModerationTopology.Topics(topics.submitted(), topics.approved(), topics.rejected(),
						topics.deadLetter(), topics.held(), topics.reviewed(), topics.authorActions(),
						topics.classifierModel(), topics.partitions()),
				CommentRules.of(policy), stateful, policyLoader.maxFloodInterval(),
				listener.getIfAvailable(() -> ModerationListener.NONE), Clock.systemUTC(), classifierSettings);
		topology.addTo(builder);
		return topology;
	}

	/**
	 * A stream thread dies only on infrastructure failures (bad records are dead-lettered): shut the client down,
	 * so that liveness goes DOWN and the platform restarts the instance, rather than loop on a fatal error.
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer moderationStreamsLifecycle(StreamsStateTracker stateTracker,
			@Value("${moderation.instance-id:}") String instanceId) {
		return factoryBean -> {
			if (StringUtils.hasText(instanceId)) {
				// Static membership (see docs/operations.md, "Crashes, restarts and broker outages"): an instance that comes
				// back under the same id within session.timeout.ms gets its partitions back without a rebalance.
				// Kafka Streams appends the stream thread's index to it.
				Properties properties = factoryBean.getStreamsConfiguration();
				properties.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
						instanceId.trim());
				factoryBean.setStreamsConfiguration(properties);
			}
			factoryBean.setStreamsUncaughtExceptionHandler(ex -> {
				log.error("Kafka Streams thread failed; shutting the client down", ex);
				return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
			});
			factoryBean.setStateListener(stateTracker);
			// On a graceful stop (scale-in, rolling update) hand partitions and their state over at once, rather
			// than after the session timeout: Kafka Streams does not leave the group on close by default.
			factoryBean.setLeaveGroupOnClose(true);
		};
	}

	@Bean
	DecisionTopicsCheck decisionTopicsCheck(KafkaAdmin admin, TopicSettings topics) {
		return new DecisionTopicsCheck(admin, topics);
	}

	/** Missing topics are created at start-up, before the stream starts, when moderation.topics.create is on. */
	@Bean
	KafkaAdmin.NewTopics moderationTopics(TopicSettings topics) {
		if (!topics.create()) {
			return new KafkaAdmin.NewTopics();
		}
		return new KafkaAdmin.NewTopics(topic(topics, topics.submitted()), topic(topics, topics.approved()),
				topic(topics, topics.rejected()), topic(topics, topics.deadLetter()), topic(topics, topics.held()),
				topic(topics, topics.reviewed()), topic(topics, topics.authorActions()),
				compacted(topic(topics, topics.classifierModel())));
	}

	/** The classifier's model topic keeps the latest record of each token: compacted, never deleted by age. */
	private static NewTopic compacted(NewTopic topic) {
		return topic.configs(java.util.Map.of("cleanup.policy", "compact"));
	}

	private static NewTopic topic(TopicSettings topics, String name) {
		TopicBuilder builder = TopicBuilder.name(name).partitions(topics.partitions());
		return (topics.replicationFactor() > 0) ? builder.replicas(topics.replicationFactor()).build()
				: builder.build();
	}

}
