package dev.commentmoderation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import dev.commentmoderation.settings.TopicSettings;
import dev.commentmoderation.workbench.WorkbenchEvents.AuthorAction;
import dev.commentmoderation.workbench.WorkbenchEvents.Verdict;

/**
 * Publishes verdicts and author actions for the stream, the only writer of decisions. An idempotent producer with
 * {@code acks=all}; each call returns once the broker acknowledged every event, or throws.
 */
@Component
public class WorkbenchPublisher implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private final KafkaTemplate<String, String> template;

	private final DefaultKafkaProducerFactory<String, String> producers;

	private final String reviewedTopic;

	private final String authorActionsTopic;

	private final WorkbenchSettings settings;

	private final WorkbenchMetrics metrics;

	public WorkbenchPublisher(KafkaProperties kafka, TopicSettings topics, WorkbenchSettings settings,
			WorkbenchMetrics metrics) {
		Map<String, Object> config = new java.util.HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "comment-moderation-workbench");
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
				(int) Math.max(settings.sendTimeout().toMillis(), 1_000));
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
				(int) Math.min(settings.sendTimeout().toMillis(), 30_000));
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.sendTimeout().toMillis());
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer());
		this.template = new KafkaTemplate<>(this.producers);
		this.reviewedTopic = topics.reviewed();
		this.authorActionsTopic = topics.authorActions();
		this.settings = settings;
		this.metrics = metrics;
	}

	/** Publishes every verdict (key: commentId) and waits for all acknowledgements. */
	public List<Verdict> publish(List<Verdict> verdicts) {
		List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
		try {
			for (Verdict verdict : verdicts) {
				sends.add(this.template.send(this.reviewedTopic, verdict.commentId(), JSON.writeValueAsString(verdict)));
			}
		}
		catch (RuntimeException ex) {
			throw new PublishFailedException("The verdicts could not be sent", ex);
		}
		await(sends, "verdicts");
		verdicts.forEach(this.metrics::published);
		return verdicts;
	}

	/** Publishes the action (key: the normalized email) and waits for the acknowledgement. */
	public AuthorAction publish(AuthorAction action) {
		CompletableFuture<SendResult<String, String>> send;
		try {
			send = this.template.send(this.authorActionsTopic, action.email(), JSON.writeValueAsString(action));
		}
		catch (RuntimeException ex) {
			throw new PublishFailedException("The author action could not be sent", ex);
		}
		await(List.of(send), "author action");
		this.metrics.published(action);
		return action;
	}

	private void await(List<CompletableFuture<SendResult<String, String>>> sends, String what) {
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(this.settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PublishFailedException("Interrupted while publishing " + what, ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new PublishFailedException("The broker did not acknowledge the " + what + " within "
					+ this.settings.sendTimeout().toSeconds() + " s", ex);
		}
	}

	@Override
	public void close() {
		this.producers.destroy();
	}

}
