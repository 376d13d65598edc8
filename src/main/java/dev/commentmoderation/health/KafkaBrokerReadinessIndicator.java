package dev.commentmoderation.health;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Readiness only (never liveness: a broker outage must not get pods restarted): DOWN while the brokers cannot be
 * reached. Kafka Streams stays RUNNING through a broker outage, so its state alone keeps an unreachable instance
 * ready. A background thread asks the cluster for its nodes every {@value #INTERVAL_MS} ms with a timeout of
 * {@value #TIMEOUT_MS} ms, using the same connection settings (security included) as the service's KafkaAdmin;
 * the probe only reads the last result, so it never waits on the network.
 */
@Component("kafkaBrokers")
class KafkaBrokerReadinessIndicator implements HealthIndicator, DisposableBean {

	static final long INTERVAL_MS = 2000;

	static final int TIMEOUT_MS = 3000;

	private final Map<String, Object> config;

	private final ScheduledExecutorService scheduler;

	private volatile Admin admin;

	private volatile Health last = Health.down().withDetail("reachable", "not checked yet").build();

	KafkaBrokerReadinessIndicator(KafkaAdmin kafkaAdmin) {
		this.config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		this.config.put(AdminClientConfig.CLIENT_ID_CONFIG, "comment-moderation-readiness");
		this.config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
		this.config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
		this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "kafka-broker-readiness");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::check, 0, INTERVAL_MS, TimeUnit.MILLISECONDS);
	}

	@Override
	public Health health() {
		return this.last;
	}

	private void check() {
		try {
			if (this.admin == null) {
				this.admin = Admin.create(this.config);
			}
			int nodes = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
				.nodes()
				.get(TIMEOUT_MS + 500, TimeUnit.MILLISECONDS)
				.size();
			this.last = Health.up().withDetail("nodes", nodes).withDetail("checkedAt", Instant.now().toString()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			this.last = Health.down()
				.withDetail("reachable", false)
				.withDetail("error", ex.getClass().getSimpleName())
				.withDetail("checkedAt", Instant.now().toString())
				.build();
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
		Admin current = this.admin;
		if (current != null) {
			current.close(Duration.ofSeconds(1));
		}
	}

}
