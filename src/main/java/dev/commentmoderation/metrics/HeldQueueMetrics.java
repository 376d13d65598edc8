package dev.commentmoderation.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.commentmoderation.workbench.HeldComment;
import dev.commentmoderation.workbench.ModerationState;
import dev.commentmoderation.workbench.StateUnavailableException;

/**
 * The moderators' queue as gauges, per instance, from the held comments of its active partitions (sum
 * {@code moderation_held_pending} and take the max of {@code moderation_held_oldest_age_seconds} across instances):
 * <ul>
 * <li>{@code moderation.held.pending{site}}: held comments waiting for a verdict;</li>
 * <li>{@code moderation.held.oldest.age{site}}: seconds since the oldest of them was held.</li>
 * </ul>
 * Refreshed every {@code moderation.workbench.queue-metrics-interval} (15 s) off the stream threads; while the
 * state is not queryable (rebalancing) the last values stay. Sites are the events' siteIds: at most
 * {@value #MAX_SITES} are tagged, the rest count under {@code _other}.
 */
@Component
class HeldQueueMetrics implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(HeldQueueMetrics.class);

	static final int MAX_SITES = 100;

	static final String OTHER_SITES = "_other";

	private final ModerationState state;

	private final Duration interval;

	private final Clock clock;

	private final MultiGauge pending;

	private final MultiGauge oldestAge;

	private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "held-queue-metrics");
		thread.setDaemon(true);
		return thread;
	});

	HeldQueueMetrics(ModerationState state, MeterRegistry registry,
			@Value("${moderation.workbench.queue-metrics-interval:15s}") Duration interval) {
		this.state = state;
		this.interval = interval;
		this.clock = Clock.systemUTC();
		this.pending = MultiGauge.builder("moderation.held.pending")
			.description("Held comments waiting for a moderator's verdict, in this instance's partitions, by site")
			.register(registry);
		this.oldestAge = MultiGauge.builder("moderation.held.oldest.age")
			.description("Seconds since the oldest held comment of this instance's partitions was held, by site")
			.baseUnit("seconds")
			.register(registry);
	}

	@Override
	public void afterPropertiesSet() {
		this.refresher.scheduleWithFixedDelay(this::refresh, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.refresher.shutdownNow();
	}

	void refresh() {
		List<HeldComment> held;
		try {
			held = this.state.localHeldComments().value();
		}
		catch (StateUnavailableException ex) {
			return;
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the held queue for its metrics: {}", ex.getClass().getSimpleName());
			return;
		}
		Map<String, Long> counts = new HashMap<>();
		Map<String, Instant> oldest = new HashMap<>();
		for (HeldComment comment : held) {
			String site = (comment.siteId() != null) ? comment.siteId() : "";
			if (!counts.containsKey(site) && counts.size() >= MAX_SITES) {
				site = OTHER_SITES;
			}
			counts.merge(site, 1L, Long::sum);
			oldest.merge(site, comment.heldAt(), (a, b) -> a.isBefore(b) ? a : b);
		}
		Instant now = this.clock.instant();
		List<MultiGauge.Row<?>> pendingRows = new ArrayList<>();
		List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
		counts.forEach((site, count) -> {
			pendingRows.add(MultiGauge.Row.of(Tags.of("site", site), count));
			ageRows.add(MultiGauge.Row.of(Tags.of("site", site),
					Math.max(0L, Duration.between(oldest.get(site), now).toSeconds())));
		});
		this.pending.register(pendingRows, true);
		this.oldestAge.register(ageRows, true);
	}

}
