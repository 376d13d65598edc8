package dev.commentmoderation.faults;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.ServiceTopics;
import dev.commentmoderation.testing.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker goes away for 20 seconds while comments stream in, then comes back on the same port with its data:
 * the same service process (no restart) goes not-ready, ready again, stays live throughout, and every comment has
 * exactly one committed decision.
 */
@Tag("faults")
class BrokerOutageFaultTests {

	@Test
	void serviceRidesOutA20SecondBrokerOutage() throws Exception {
		int comments = FaultSettings.get("outage.comments", 6_000);
		int rate = 300;
		try (KafkaBroker broker = new KafkaBroker(0).start()) {
			FaultSettings.createTopics(broker.bootstrapServers(), 6, ServiceTopics.ALL);
			String prefix = "outage-";
			try (ServiceProcess service = new ServiceProcess(FaultSettings.logFile("broker-outage"),
					List.of("--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
							"--spring.kafka.streams.state-dir=" + Files.createTempDirectory("outage-state")));
					DecisionTracker tracker = new DecisionTracker(broker.bootstrapServers(), prefix, comments,
							ServiceTopics.OUTCOMES)) {
				service.start();
				await(service::isReady, Duration.ofMinutes(2), "ready at start");
				Thread publisher = new Thread(() -> ServiceCrashFaultTests.publish(broker.bootstrapServers(), prefix,
						comments, rate, new AtomicInteger()), "publisher");
				publisher.start();
				assertThat(tracker.awaitReceived(comments / 4, Duration.ofMinutes(2))).isTrue();

				long stopped = System.nanoTime();
				broker.stop();
				await(() -> service.status("/actuator/health/readiness") == 503, Duration.ofSeconds(20),
						"readiness DOWN while the broker is away");
				double downAfter = (System.nanoTime() - stopped) / 1e9;
				while (System.nanoTime() - stopped < Duration.ofSeconds(20).toNanos()) {
					assertThat(service.status("/actuator/health/liveness")).as("liveness during the outage")
						.isEqualTo(200);
					Thread.sleep(500);
				}
				long started = System.nanoTime();
				long startedMillis = System.currentTimeMillis();
				broker.start();
				await(service::isReady, Duration.ofMinutes(2), "readiness UP after the broker is back");
				double upAfter = (System.nanoTime() - started) / 1e9;
				long first = tracker.awaitModeratedAfter(startedMillis, Duration.ofMinutes(2));
				double decisionsAfter = (first - started) / 1e9;

				publisher.join();
				assertThat(tracker.awaitReceived(comments, Duration.ofMinutes(3))).as("all decided").isTrue();
				Thread.sleep(2000);
				assertThat(service.isAlive()).as("the same service process, never restarted").isTrue();
				assertThat(tracker.missing()).as("lost").isEmpty();
				assertThat(tracker.doubled()).as("doubled").isEmpty();
				System.out.printf(
						"Broker outage 20 s: readiness DOWN %.1f s after the stop, UP %.1f s after the restart, "
								+ "first decision %.1f s after the restart; %d comments, none lost, none doubled%n",
						downAfter, upAfter, decisionsAfter, comments);
			}
		}
	}

	interface Condition {

		boolean holds() throws Exception;

	}

	static void await(Condition condition, Duration timeout, String what) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.holds()) {
			assertThat(System.nanoTime()).as(what).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

}
