package dev.commentmoderation.faults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.ServiceTopics;
import dev.commentmoderation.testing.KafkaClients;
import dev.commentmoderation.testing.ServiceProcess;
import dev.commentmoderation.testing.SampleComments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a separate JVM, killed with SIGKILL at random moments while comments stream in, and started
 * again each time: afterwards every comment has exactly one committed decision. Measures how long decisions stop
 * after each kill: the comments are published at a steady rate (faults.rate) across the whole run, so new ones
 * keep arriving after every restart. Short by default; {@code -Pfaults} runs 100,000 comments and three kills.
 */
@Tag("faults")
class ServiceCrashFaultTests {

	@Test
	void sigkillAndRestartLosesAndDoublesNothing() throws Exception {
		int comments = FaultSettings.get("crash.comments", 10_000);
		int kills = FaultSettings.get("crash.kills", 2);
		int rate = FaultSettings.get("crash.rate", 200);
		long seed = Long.getLong("faults.seed", System.nanoTime());
		Random random = new Random(seed);
		String prefix = "crash-" + Long.toHexString(seed) + "-";
		try (KafkaBroker broker = new KafkaBroker(0).start()) {
			FaultSettings.createTopics(broker.bootstrapServers(), 6, ServiceTopics.ALL);
			String stateDir = Files.createTempDirectory("crash-state").toString();
			try (ServiceProcess service = new ServiceProcess(FaultSettings.logFile("sigkill"),
					List.of("--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
							"--spring.kafka.streams.state-dir=" + stateDir,
							"--moderation.instance-id=" + System.getProperty("faults.instance-id", "crash-test-instance")));
					DecisionTracker tracker = new DecisionTracker(broker.bootstrapServers(), prefix, comments,
							ServiceTopics.OUTCOMES)) {
				service.start();
				BrokerOutageFaultTests.await(service::isReady, Duration.ofMinutes(2), "ready at start");
				AtomicInteger published = new AtomicInteger();
				Thread publisher = new Thread(() -> publish(broker.bootstrapServers(), prefix, comments, rate,
						published), "publisher");
				publisher.start();

				List<String> gaps = new ArrayList<>();
				for (int k = 0; k < kills; k++) {
					// a random moment in the k-th slice of the publishing (not before the last restart decided)
					long threshold = (long) (comments * (k + random.nextDouble() * 0.8 + 0.1) / (kills + 1));
					while (published.get() < threshold) {
						Thread.sleep(5);
					}
					assertThat(published.get()).as("kill %d while comments still stream in; lower faults.crash.rate", k + 1)
						.isLessThan(comments);
					long killed = System.nanoTime();
					long decidedAtKill = tracker.received();
					service.kill();
					long restarted = System.nanoTime();
					long restartedMillis = System.currentTimeMillis();
					service.start();
					long first = tracker.awaitModeratedAfter(restartedMillis, Duration.ofMinutes(3));
					assertThat(first).as("a decision after restart %d (seed %d)", k + 1, seed).isPositive();
					String gap = String.format(Locale.ROOT,
							"kill %d at %d decisions: restart to first new decision %.1f s (kill to first %.1f s)",
							k + 1, decidedAtKill, (first - restarted) / 1e9, (first - killed) / 1e9);
					System.out.println(gap);
					gaps.add(gap);
				}
				publisher.join();
				assertThat(tracker.awaitReceived(comments, Duration.ofMinutes(5))).as("all decided (seed %d)", seed)
					.isTrue();
				Thread.sleep(2000);
				assertThat(tracker.missing()).as("lost (seed %d)", seed).isEmpty();
				assertThat(tracker.doubled()).as("doubled (seed %d)", seed).isEmpty();
				assertThat(tracker.others()).isEmpty();
				System.out.printf("SIGKILL test: %d comments, %d kills, seed %d, none lost, none doubled%n", comments,
						kills, seed);
				gaps.forEach(System.out::println);
			}
		}
	}

	static void publish(String bootstrapServers, String prefix, int comments, int rate, AtomicInteger published) {
		try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrapServers)) {
			long start = System.nanoTime();
			long interval = (rate > 0) ? 1_000_000_000L / rate : 0;
			for (int i = 0; i < comments; i++) {
				long wait = start + i * interval - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				String commentId = prefix + i;
				byte[] value = (i % 4 == 0) ? SampleComments.withoutEmail(commentId) : SampleComments.valid(commentId);
				producer.send(new ProducerRecord<>("comments.submitted",
						("post-" + (i % 13)).getBytes(StandardCharsets.UTF_8), value));
				published.incrementAndGet();
			}
			producer.flush();
		}
	}

}
