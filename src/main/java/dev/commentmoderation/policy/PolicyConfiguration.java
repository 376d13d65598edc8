package dev.commentmoderation.policy;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;

/**
 * Loads the policy at start-up (a policy file that is not valid stops start-up, naming moderation.policy.file and
 * every problem) and, when there is a file, checks it for changes every moderation.policy.reload-interval.
 * <p>
 * Metrics: {@code moderation.policy.reloads{outcome=applied|refused}} and {@code moderation.policy.refused}
 * (1 while the file on disk is refused and an older policy runs).
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

	/** The settings a policy file inherits from (moderation.rules.*), and the whole policy when there is none. */
	@Bean
	PolicyLoader.Base policyBase(RuleSettings settings, StatefulSettings stateful) {
		return new PolicyLoader.Base(settings, DecisionRules.of(settings.actions(), stateful));
	}

	@Bean
	PolicyLoader policyLoader(PolicyLoader.Base policyBase, PolicyProperties properties) {
		return new PolicyLoader(policyBase, properties.maxFloodInterval(), Clock.systemUTC());
	}

	@Bean
	ActivePolicy activePolicy(PolicyLoader loader, PolicyProperties properties) {
		if (properties.file() == null) {
			Policy policy = loader.baseOnly();
			log.info("Moderation policy {} from the moderation.rules.* settings (no moderation.policy.file)",
					policy.version());
			return new ActivePolicy(policy);
		}
		try {
			Policy policy = loader.load(properties.file());
			log.info("Moderation policy {} from {} ({} site(s))", policy.version(), properties.file(),
					policy.sites().size());
			return new ActivePolicy(policy);
		}
		catch (PolicyException ex) {
			throw new IllegalStateException("Invalid moderation.policy.file: " + ex.getMessage(), ex);
		}
	}

	@Bean
	PolicyWatch policyWatch(PolicyLoader loader, ActivePolicy active, PolicyProperties properties,
			MeterRegistry registry) {
		return new PolicyWatch(loader, active, properties, registry);
	}

	/** Runs the {@link PolicyReloader} on a daemon thread of its own while the application runs. */
	static final class PolicyWatch implements SmartLifecycle, PolicyReloader.Listener {

		private final PolicyProperties properties;

		private final PolicyReloader reloader;

		private final Counter applied;

		private final Counter refused;

		private ScheduledExecutorService scheduler;

		PolicyWatch(PolicyLoader loader, ActivePolicy active, PolicyProperties properties, MeterRegistry registry) {
			this.properties = properties;
			this.reloader = (properties.file() != null)
					? new PolicyReloader(properties.file(), loader, active, this) : null;
			this.applied = Counter.builder("moderation.policy.reloads")
				.description("Policy file changes applied or refused")
				.tag("outcome", "applied")
				.register(registry);
			this.refused = Counter.builder("moderation.policy.reloads")
				.description("Policy file changes applied or refused")
				.tag("outcome", "refused")
				.register(registry);
			Gauge.builder("moderation.policy.refused", this, watch -> (watch.refusal() != null) ? 1 : 0)
				.description("1 while the policy file on disk is refused and the previous policy keeps running")
				.register(registry);
		}

		PolicyException refusal() {
			return (this.reloader != null) ? this.reloader.refusal() : null;
		}

		@Override
		public void applied(Policy previous, Policy next) {
			this.applied.increment();
			log.info("Moderation policy {} applied from {}, replacing {}", next.version(), next.file(),
					previous.version());
		}

		@Override
		public void refused(java.nio.file.Path file, PolicyException problem, Policy kept) {
			this.refused.increment();
			log.error("Moderation policy file {} refused; policy {} keeps running. {}", file, kept.version(),
					problem.getMessage());
		}

		@Override
		public synchronized void start() {
			if (this.reloader == null || this.scheduler != null) {
				return;
			}
			this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
				Thread thread = new Thread(task, "policy-reload");
				thread.setDaemon(true);
				return thread;
			});
			long interval = this.properties.reloadInterval().toMillis();
			this.scheduler.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
		}

		private void check() {
			try {
				this.reloader.run();
			}
			catch (RuntimeException ex) {
				// never let the schedule die: the next check tries again
				log.error("Moderation policy check failed", ex);
			}
		}

		@Override
		public synchronized void stop() {
			if (this.scheduler != null) {
				this.scheduler.shutdownNow();
				this.scheduler = null;
			}
		}

		@Override
		public synchronized boolean isRunning() {
			return this.scheduler != null;
		}

	}

}
