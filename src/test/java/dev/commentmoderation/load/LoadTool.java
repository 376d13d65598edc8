package dev.commentmoderation.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.commentmoderation.CommentModerationApplication;
import dev.commentmoderation.health.StreamsStateTracker;
import dev.commentmoderation.testing.KafkaBroker;

/**
 * Load tool: starts a real single-node broker in this JVM, then for each requested rate measures, on that same
 * broker and with the same partitions, (1) a baseline, a plain kafka-clients exactly-once consume-transform-produce
 * copy between two topics (read_committed consumer, transactional producer, sendOffsetsToTransaction, a commit
 * every {@code baseline.commit.ms}, by default 100 ms: Kafka Streams' default commit.interval.ms under exactly-once),
 * and (2) the service itself, booted in this JVM with
 * SpringApplication exactly as in production. An unmeasured round at max rate ({@code jit.warmup} comments, 0 to
 * skip) precedes the measured ones. Latency is from a comment's publish (System.nanoTime() kept per
 * commentId) to its decision being returned by a read_committed consumer; throughput is comments over the time
 * from the first publish to the last decision read.
 *
 * <p>
 * {@code ./mvnw -Pload test-compile exec:exec -Dload.args="count=20000 rates=0,1000 partitions=6"}
 */
public final class LoadTool {

	/** Comments that look like what news sites get: various lengths, links, some spam, some missing fields. */
	static byte[] comment(String commentId, int i) {
		String content = switch (i % 5) {
			case 0 -> "Thanks for the write-up, very clear. I especially liked the part about the budget.";
			case 1 -> "I disagree. The numbers in the third paragraph do not add up, see https://stats.example/2026 "
					+ "and the council's own report for the actual figures from last year.";
			case 2 -> "Great article! ".repeat(20);
			case 3 -> "Visit [url=http://spam.example]cheap watches[/url] now";
			default -> "Ceci n'est pas un commentaire très long, mais il contient des caractères accentués: éàüö — ok?";
		};
		String email = (i % 7 == 0) ? "" : "reader" + (i % 1000) + "@example.org";
		return ("{\"commentId\":\"" + commentId + "\",\"postId\":\"post-" + (i % 50)
				+ "\",\"siteId\":\"example-news\",\"parentId\":null,\"author\":{\"name\":\"Reader " + (i % 1000)
				+ "\",\"email\":\"" + email + "\",\"url\":\"https://reader.example\",\"ip\":\"203.0.113." + (i % 250)
				+ "\",\"userAgent\":\"Mozilla/5.0\"},\"content\":\"" + content
				+ "\",\"submittedAt\":\"2026-11-28T03:34:00Z\",\"formRenderedAt\":\"2026-11-28T03:33:10Z\",\"honeypot\":\"\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** The figures of one measured run. */
	public record Result(String name, int rate, int count, double throughput, Histogram latencyMicros, int duplicates) {

		long p(double percentile) {
			return this.latencyMicros.getValueAtPercentile(percentile);
		}

		String line() {
			return String.format(Locale.ROOT,
					"%-9s rate=%-6s count=%d throughput=%.0f/s latency ms p50=%.1f p95=%.1f p99=%.1f max=%.1f duplicates=%d",
					this.name, (this.rate == 0) ? "max" : this.rate, this.count, this.throughput, p(50) / 1000.0,
					p(95) / 1000.0, p(99) / 1000.0, this.latencyMicros.getMaxValue() / 1000.0, this.duplicates);
		}
	}

	/** Extra arguments for the service (any load tool argument starting with --), to compare settings. */
	static final List<String> SERVICE_ARGS = new ArrayList<>();

	private final KafkaBroker broker;

	private final int partitions;

	/** How often the baseline commits its transaction (Kafka Streams' default commit.interval.ms: 100). */
	private final long baselineCommitMs;

	public LoadTool(KafkaBroker broker, int partitions) {
		this(broker, partitions, 100);
	}

	public LoadTool(KafkaBroker broker, int partitions, long baselineCommitMs) {
		this.broker = broker;
		this.partitions = partitions;
		this.baselineCommitMs = baselineCommitMs;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("count", "20000", "rates", "0,1000", "partitions", "6",
				"warmup", "5000", "only", "both", "baseline.commit.ms", "100", "jit.warmup", "20000"));
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		for (String arg : args) {
			for (String part : arg.trim().split("\\s+")) {
				if (part.startsWith("--")) {
					SERVICE_ARGS.add(part);
				}
				else if (part.contains("=")) {
					options.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
				}
			}
		}
		int count = Integer.parseInt(options.get("count"));
		int partitions = Integer.parseInt(options.get("partitions"));
		int warmup = Integer.parseInt(options.get("warmup"));
		String only = options.get("only");
		long baselineCommitMs = Long.parseLong(options.get("baseline.commit.ms"));
		System.out.printf("Load tool: count=%d rates=%s partitions=%d warmup=%d baseline.commit.ms=%d; %d cores, %s %s%n",
				count, options.get("rates"), partitions, warmup, baselineCommitMs,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
				System.getProperty("java.version"));
		List<String> summary = new ArrayList<>();
		try (KafkaBroker broker = new KafkaBroker(0, Map.of("log.flush.interval.messages", Long.toString(Long.MAX_VALUE))).start()) {
			LoadTool tool = new LoadTool(broker, partitions, baselineCommitMs);
			int jitWarmup = Integer.parseInt(options.get("jit.warmup"));
			if (jitWarmup > 0) {
				// One unmeasured round at max rate first: in a fresh JVM the first measured run (broker, Kafka
				// clients, Kafka Streams, the service's code all still interpreted or C1-compiled) was 2-3x slower
				// than the same run measured second, which skewed every comparison towards whatever ran later.
				try {
					if (!only.equals("service")) {
						System.out.println("JIT warm-up (not measured): " + tool.baseline(jitWarmup, 0, 0).line());
					}
					if (!only.equals("baseline")) {
						System.out.println("JIT warm-up (not measured): "
								+ tool.service("warm-up", jitWarmup, 0, 0, List.of()).line());
					}
				}
				catch (RuntimeException ex) {
					System.out.println("JIT warm-up round failed (going on): " + ex.getMessage());
				}
			}
			for (String rateText : options.get("rates").split(",")) {
				int rate = Integer.parseInt(rateText.trim());
				try {
					Result baseline = only.equals("service") ? null : tool.baseline(count, rate, warmup);
					List<Result> services = new ArrayList<>();
					if (!only.equals("baseline")) {
						services.add(tool.service("service", count, rate, warmup, List.of()));
						if (options.containsKey("variant")) {
							services.add(tool.service("variant", count, rate, warmup,
									List.of(options.get("variant").split(","))));
						}
					}
					if (baseline != null) {
						summary.add(baseline.line());
					}
					for (Result service : services) {
						summary.add(service.line());
						if (baseline != null) {
							summary.add(String.format(Locale.ROOT,
									"ratio     rate=%-6s %s/baseline throughput=%.2f p50=%.2f p95=%.2f p99=%.2f",
									(rate == 0) ? "max" : rate, service.name(), service.throughput() / baseline.throughput(),
									(double) service.p(50) / baseline.p(50), (double) service.p(95) / baseline.p(95),
									(double) service.p(99) / baseline.p(99)));
						}
					}
					if (options.containsKey("variant")) {
						summary.add("variant = service with " + options.get("variant"));
					}
				}
				catch (RuntimeException ex) {
					// e.g. a broker starved of CPU on a shared machine: report the round as failed, go on
					summary.add("round rate=" + rate + " failed: " + ex.getMessage());
				}
				summary.forEach(System.out::println);
			}
		}
		System.out.println("==== summary ====");
		summary.forEach(System.out::println);
		System.exit(0);
	}

	/** The plain exactly-once copy between two topics, no moderation. */
	public Result baseline(int count, int rate, int warmup) throws Exception {
		String run = "baseline-" + UUID.randomUUID().toString().substring(0, 8);
		String in = run + ".in";
		String out = run + ".out";
		createTopics(in, out);
		AtomicBoolean running = new AtomicBoolean(true);
		Thread copier = new Thread(() -> copyLoop(run, in, out, running), "baseline-copy");
		copier.start();
		try {
			return measure("baseline", in, List.of(out), count, rate, warmup);
		}
		finally {
			running.set(false);
			copier.join();
		}
	}

	/** The service, booted as in production in this JVM, with topics and application id of its own. */
	public Result service(String name, int count, int rate, int warmup, List<String> extraArgs) throws Exception {
		String run = "service-" + UUID.randomUUID().toString().substring(0, 8);
		String in = run + ".submitted";
		String approved = run + ".approved";
		String rejected = run + ".rejected";
		String dlt = run + ".DLT";
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommentModerationApplication.class)
			.run(serviceArgs(extraArgs, "--server.port=0", "--spring.kafka.bootstrap-servers=" + this.broker.bootstrapServers(),
					"--spring.kafka.streams.application-id=" + run,
					"--spring.kafka.streams.state-dir=" + System.getProperty("java.io.tmpdir") + "/" + run,
					"--moderation.topics.create=true", "--moderation.topics.replication-factor=1",
					"--moderation.topics.partitions=" + this.partitions, "--moderation.topics.submitted=" + in,
					"--moderation.topics.approved=" + approved, "--moderation.topics.rejected=" + rejected,
					"--moderation.topics.dead-letter=" + dlt, "--spring.main.banner-mode=off",
					"--logging.level.root=WARN"))) {
			StreamsStateTracker tracker = context.getBean(StreamsStateTracker.class);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!tracker.state().isRunningOrRebalancing() || !tracker.hasRun()) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The service did not start: " + tracker.state());
				}
				Thread.sleep(50);
			}
			return measure(name, in, List.of(approved, rejected, dlt), count, rate, warmup);
		}
	}

	private static String[] serviceArgs(List<String> extraArgs, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(SERVICE_ARGS);
		all.addAll(extraArgs);
		return all.toArray(String[]::new);
	}

	private Result measure(String name, String in, List<String> outputs, int count, int rate, int warmup)
			throws Exception {
		String prefix = name + "-" + UUID.randomUUID().toString().substring(0, 6) + "-";
		try (KafkaProducer<byte[], byte[]> producer = producer();
				KafkaConsumer<byte[], byte[]> reader = reader(outputs)) {
			if (warmup > 0) {
				run(producer, reader, in, prefix + "w", warmup, 0);
			}
			Measured measured = run(producer, reader, in, prefix + "m", count, rate);
			Result result = new Result(name, rate, count, measured.throughput(), measured.histogram(),
					measured.duplicates());
			System.out.println(result.line());
			return result;
		}
	}

	record Measured(double throughput, Histogram histogram, int duplicates) {
	}

	/** Publishes {@code count} comments at {@code rate} per second (0: as fast as possible) while reading decisions. */
	private Measured run(KafkaProducer<byte[], byte[]> producer, KafkaConsumer<byte[], byte[]> reader, String in,
			String prefix, int count, int rate) throws Exception {
		long[] sent = new long[count];
		boolean[] seen = new boolean[count];
		Histogram histogram = new Histogram(Duration.ofMinutes(10).toNanos() / 1000, 3);
		AtomicBoolean failed = new AtomicBoolean();
		Thread publisher = new Thread(() -> {
			long start = System.nanoTime();
			long interval = (rate > 0) ? 1_000_000_000L / rate : 0;
			for (int i = 0; i < count; i++) {
				if (interval > 0) {
					long due = start + i * interval;
					long wait;
					while ((wait = due - System.nanoTime()) > 0) {
						LockSupport.parkNanos(wait);
					}
				}
				String commentId = prefix + i;
				sent[i] = System.nanoTime();
				producer.send(new ProducerRecord<>(in, commentId.getBytes(StandardCharsets.UTF_8),
						comment(commentId, i)), (metadata, ex) -> {
							if (ex != null) {
								failed.set(true);
							}
						});
			}
			producer.flush();
		}, "load-publisher");
		long first = System.nanoTime();
		publisher.start();
		int received = 0;
		int duplicates = 0;
		long last = first;
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (received < count && System.nanoTime() < deadline && !failed.get()) {
			ConsumerRecords<byte[], byte[]> records = reader.poll(Duration.ofMillis(100));
			long now = System.nanoTime();
			for (ConsumerRecord<byte[], byte[]> record : records) {
				String key = new String(record.key(), StandardCharsets.UTF_8);
				if (!key.startsWith(prefix)) {
					continue;
				}
				int i = Integer.parseInt(key.substring(prefix.length()));
				if (seen[i]) {
					duplicates++;
					continue;
				}
				seen[i] = true;
				received++;
				histogram.recordValue(Math.max(0, (now - sent[i]) / 1000));
				last = now;
			}
		}
		publisher.join();
		if (received < count) {
			throw new IllegalStateException(prefix + ": " + received + " of " + count + " decisions read");
		}
		return new Measured(count / ((last - first) / 1e9), histogram, duplicates);
	}

	private KafkaConsumer<byte[], byte[]> reader(List<String> outputs) {
		KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "load-reader-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(outputs);
		return consumer;
	}

	private KafkaProducer<byte[], byte[]> producer() {
		// Not idempotent: twice, on this shared machine, the in-JVM broker answered the publisher with
		// OutOfOrderSequenceException on a freshly created input topic, which fails an idempotent producer's
		// partition for good. A retried send may now publish a comment twice; the reader counts that as a duplicate
		// and measures the first decision only.
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
				ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer());
	}

	private void createTopics(String... names) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers()))) {
			List<NewTopic> topics = new ArrayList<>();
			for (String name : names) {
				topics.add(new NewTopic(name, this.partitions, (short) 1));
			}
			admin.createTopics(topics).all().get();
		}
	}

	private void copyLoop(String run, String in, String out, AtomicBoolean running) {
		Properties consumerProps = new Properties();
		consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers());
		consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, run);
		consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Properties producerProps = new Properties();
		producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers());
		producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, run + "-copy");
		// what Kafka Streams sets for exactly_once_v2 producers
		producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 100);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
				KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
						new ByteArraySerializer())) {
			producer.initTransactions();
			consumer.subscribe(List.of(in));
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			long lastCommit = System.nanoTime();
			boolean open = false;
			while (running.get()) {
				ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(Math.min(100, this.baselineCommitMs)));
				if (!records.isEmpty() && !open) {
					producer.beginTransaction();
					open = true;
				}
				for (ConsumerRecord<byte[], byte[]> record : records) {
					producer.send(new ProducerRecord<>(out, record.key(), record.value()));
					offsets.put(new TopicPartition(record.topic(), record.partition()),
							new OffsetAndMetadata(record.offset() + 1));
				}
				if (open && System.nanoTime() - lastCommit >= this.baselineCommitMs * 1_000_000L) {
					producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
					producer.commitTransaction();
					offsets.clear();
					open = false;
					lastCommit = System.nanoTime();
				}
			}
			if (open) {
				producer.abortTransaction();
			}
		}
	}

}
