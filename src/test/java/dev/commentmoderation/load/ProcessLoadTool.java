package dev.commentmoderation.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.commentmoderation.testing.KafkaBroker;
import dev.commentmoderation.testing.ServiceTopics;

/**
 * The load tool as users run the service: the broker in a JVM of its own, the service as {@code java -jar
 * target/comment-moderation-*.jar}, and the two reference applications ({@link Baselines}: a single exactly-once
 * copy and a two-hop exactly-once chain) each in a JVM of their own, one after the other on the same broker, fed
 * the same seeded {@link CommentMix}. This JVM is only the producer and a read_committed reader: latency is from a
 * record's timestamp (set by the producer when it sends) to the reader's clock when the decision is returned.
 * Everything on loopback, bounded in count and time.
 *
 * <p>
 * {@code ./mvnw -B -ntp -q package -DskipTests && ./mvnw -q -Pload test-compile exec:exec
 * -Dload.main=dev.commentmoderation.load.ProcessLoadTool -Dload.args="count=20000 rates=0,1000"}
 */
public final class ProcessLoadTool {

	private static final Pattern REASON_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

	private record App(String name, String kind, List<String> serviceArgs) {
	}

	record Result(String app, int rate, int count, double throughput, Histogram latencyMillis, int duplicates,
			String load) {

		long p(double percentile) {
			return this.latencyMillis.getValueAtPercentile(percentile);
		}

		String line() {
			return String.format(Locale.ROOT,
					"%-10s rate=%-5s count=%d throughput=%.0f/s latency ms p50=%d p95=%d p99=%d max=%d duplicates=%d load %s",
					this.app, (this.rate == 0) ? "max" : this.rate, this.count, this.throughput, p(50), p(95), p(99),
					this.latencyMillis.getMaxValue(), this.duplicates, this.load);
		}

	}

	private final Map<String, String> options;

	private final Path logs = Path.of("target", "load");

	private String bootstrap;

	private AppProcess broker;

	/** The service's and the variant's HTTP port, for their actuator. */
	private final Map<String, Integer> httpPorts = new HashMap<>();

	private ProcessLoadTool(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		Map<String, String> options = new HashMap<>(Map.of("count", "20000", "rates", "0,1000", "partitions", "6",
				"warmup", "10000", "apps", "single,two-hop,service", "seed", "1", "single.commit.ms", "100",
				"commit.ms", "20", "threads", "2", "pause.s", "16"));
		options.put("mix", "realistic");
		for (String arg : args) {
			for (String part : arg.trim().split("\\s+")) {
				if (part.contains("=")) {
					options.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
				}
			}
		}
		int status = new ProcessLoadTool(options).run();
		System.exit(status);
	}

	private int run() throws Exception {
		List<App> apps = new ArrayList<>();
		for (String name : this.options.get("apps").split(",")) {
			switch (name) {
				case "single", "two-hop" -> apps.add(new App(name, name, List.of()));
				case "service" -> apps.add(new App(name, name, List.of()));
				// the service with extra settings, e.g. variant=--moderation.classifier.enabled=false
				// or another build of the service (variant.jar=path), e.g. the one before a change, in the same run
				case "variant" -> apps.add(new App(name, "service", java.util.Arrays
					.stream(this.options.getOrDefault("variant", "").split(","))
					.filter((arg) -> !arg.isBlank())
					.toList()));
				default -> throw new IllegalArgumentException("apps: unknown application " + name);
			}
		}
		System.out.printf("Process load tool: %s; %d cores, %s %s, load %s%n", new TreeMap<>(this.options),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
				System.getProperty("java.version"), loadAverage());
		System.out.println("mix shares: " + CommentMix.Shares.of(this.options).describe());
		List<Result> results = new ArrayList<>();
		try (AppProcess broker = new AppProcess("broker",
				AppProcess.javaOnClassPath(List.of("-Xmx1g"), BrokerMain.class), this.logs.resolve("broker.log"), "BOOTSTRAP",
				true)) {
			this.bootstrap = broker.awaitMarker(Duration.ofMinutes(2));
			this.broker = broker;
			System.out.println("broker (own JVM) at " + this.bootstrap);
			for (App app : apps) {
				try {
					results.addAll(measure(app));
				}
				catch (Exception ex) {
					// e.g. an application starved of CPU on the shared machine: report it, measure the others
					System.out.println(app.name() + " failed: " + ex);
				}
			}
		}
		System.out.println("==== summary ====");
		results.forEach((result) -> System.out.println(result.line()));
		for (String rate : this.options.get("rates").split(",")) {
			int r = Integer.parseInt(rate.trim());
			Map<String, Result> byApp = new LinkedHashMap<>();
			results.stream().filter((result) -> result.rate() == r).forEach((result) -> byApp.put(result.app(), result));
			for (String measured : List.of("service", "variant")) {
				for (String reference : List.of("two-hop", "single")) {
					if (byApp.containsKey(measured) && byApp.containsKey(reference)) {
						Result a = byApp.get(measured);
						Result b = byApp.get(reference);
						System.out.printf(Locale.ROOT,
								"ratio rate=%-5s %s/%s throughput=%.3f p50=%.2f p95=%.2f p99=%.2f%n",
								(r == 0) ? "max" : r, measured, reference, a.throughput() / b.throughput(),
								(double) a.p(50) / Math.max(1, b.p(50)), (double) a.p(95) / Math.max(1, b.p(95)),
								(double) a.p(99) / Math.max(1, b.p(99)));
					}
				}
			}
		}
		return 0;
	}

	/** Starts the application, warms it up, then measures each rate; the same seeded comments for every app. */
	private List<Result> measure(App app) throws Exception {
		int partitions = Integer.parseInt(this.options.get("partitions"));
		String in;
		List<String> outputs;
		AppProcess process;
		String id = app.name() + "-" + System.currentTimeMillis();
		if (app.kind().equals("service")) {
			// topics and application id of its own: a variant must not start from the service's state
			in = id + "." + ServiceTopics.SUBMITTED;
			outputs = Stream.of(ServiceTopics.OUTCOMES).map((topic) -> id + "." + topic).toList();
			process = startService(app, id, partitions);
		}
		else {
			in = id + ".in";
			outputs = List.of(id + ".out");
			createTopics(partitions, in, outputs.get(0));
			String commitMs = this.options.get(app.kind().equals("single") ? "single.commit.ms" : "commit.ms");
			process = new AppProcess(app.name(), AppProcess.javaOnClassPath(jvmOptions(false), Baselines.class, app.kind(),
					this.bootstrap, in, outputs.get(0), Integer.toString(partitions), commitMs,
					this.options.get("threads"), id), this.logs.resolve(app.name() + ".log"), "RUNNING", true);
			process.awaitMarker(Duration.ofMinutes(2));
		}
		List<Result> results = new ArrayList<>();
		try (process;
				KafkaProducer<byte[], byte[]> producer = producer();
				KafkaConsumer<byte[], byte[]> reader = reader(outputs)) {
			CommentMix mix = new CommentMix(Long.parseLong(this.options.get("seed")),
					CommentMix.Shares.of(this.options));
			int warmup = Integer.parseInt(this.options.get("warmup"));
			Recording.prime(this.options.get("jfr"), process);
			Round warm = new Round(app.name(), "w", in, mix, warmup, 0);
			System.out.println("warm-up (not measured): " + warm.run(producer, reader).line());
			for (String rate : this.options.get("rates").split(",")) {
				pause();
				Round round = new Round(app.name(), "r" + rate.trim(), in, mix, Integer.parseInt(this.options.get("count")),
						Integer.parseInt(rate.trim()));
				String roundName = app.name() + "-" + (rate.trim().equals("0") ? "max" : rate.trim());
				Recording recording = Recording.start(this.options.get("jfr"), roundName, process);
				ThreadRatios ratios = (app.kind().equals("service") && this.options.containsKey("ratios"))
						? new ThreadRatios(this.httpPorts.get(app.name()), Long.parseLong(this.options.get("ratios")) * 1000)
						: null;
				Duration appCpu = process.cpu();
				Duration brokerCpu = this.broker.cpu();
				Result result = round.run(producer, reader);
				appCpu = process.cpu().minus(appCpu);
				brokerCpu = this.broker.cpu().minus(brokerCpu);
				recording.stop();
				System.out.println(result.line());
				// what each comment cost the machine: the application's JVM and the broker's, all their threads
				System.out.printf(Locale.ROOT, "  CPU per comment: %s %.2f ms, broker %.2f ms (%.1f s and %.1f s in the round)%n",
						app.name(), appCpu.toNanos() / 1e6 / result.count(), brokerCpu.toNanos() / 1e6 / result.count(),
						appCpu.toNanos() / 1e9, brokerCpu.toNanos() / 1e9);
				if (ratios != null) {
					ratios.stopAndPrint();
				}
				if (app.kind().equals("service")) {
					round.printOutcomes();
				}
				results.add(result);
			}
		}
		// Produce requests the broker refused because the partition's previous transaction was still completing:
		// each is retried after retry.backoff.ms, on the decision's path
		try (Stream<String> lines = Files.lines(this.logs.resolve(app.name() + ".log"))) {
			System.out.println("  " + app.name() + ": " + lines.filter((line) -> line.contains("CONCURRENT_TRANSACTIONS")).count()
					+ " produce retries after CONCURRENT_TRANSACTIONS in its log");
		}
		return results;
	}

	/**
	 * The JVM options of an application this tool starts: {@code service.jvm} (comma-separated, e.g.
	 * {@code service.jvm=-Xmx512m,-XX:+UseParallelGC}; the service and the variant only) and, with {@code jfr}, what a
	 * profile needs to attribute samples to inlined frames.
	 */
	private List<String> jvmOptions(boolean service) {
		List<String> options = new ArrayList<>(service ? List.of() : List.of("-Xmx1g"));
		if (service) {
			java.util.Arrays.stream(this.options.getOrDefault("service.jvm", "").split(","))
				.filter((option) -> !option.isBlank())
				.forEach(options::add);
		}
		if (this.options.containsKey("jfr")) {
			options.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints"));
		}
		return options;
	}

	/**
	 * With {@code jfr=<dir>}: a JFR recording (settings {@code profile}) of one measured round, from its first comment
	 * sent to its last decision read (not the application's start-up, warm-up or the pauses), started and stopped
	 * with {@code jcmd}, written to {@code <dir>/<app>-<rate>.jfr} (rate {@code max} or per second). Read it with
	 * {@link JfrProfile}.
	 */
	private record Recording(AppProcess process, Path file) {

		/**
		 * Starts JFR's instrumentation before the warm-up: the first recording with these settings rewrites JDK
		 * classes (file, socket, exception events), which throws away the compiled code that inlined them. Started
		 * with the round instead, the round paid for recompiling the hot paths: C2 took 30-40 % of the service's
		 * CPU in it, and the service used about twice the CPU per comment of a round without JFR. This recording
		 * writes nothing; it ends with the JVM.
		 */
		static void prime(String dir, AppProcess process) throws Exception {
			if (dir != null) {
				process.jcmd("JFR.start", "name=prime", "settings=profile", "locking-threshold=0ms",
						"jdk.ThreadCPULoad#period=1s", "maxsize=20M");
			}
		}

		static Recording start(String dir, String round, AppProcess process) throws Exception {
			if (dir == null) {
				return new Recording(null, null);
			}
			Path file = Path.of(dir).toAbsolutePath().resolve(round + ".jfr");
			Files.createDirectories(file.getParent());
			// every wait of a thread, not only those over 10 ms (a commit's waits are shorter), and each thread's CPU
			// every second rather than every 10 s, so a round of a few seconds has some
			process.jcmd("JFR.start", "name=load", "settings=profile", "locking-threshold=0ms",
					"jdk.ThreadCPULoad#period=1s", "filename=" + file);
			return new Recording(process, file);
		}

		void stop() throws Exception {
			if (this.process != null) {
				this.process.jcmd("JFR.stop", "name=load");
				System.out.println("  JFR recording of the round: " + this.file);
			}
		}

	}

	/**
	 * With {@code ratios=<seconds>}: where the service's stream threads spent their time during a round, as Kafka
	 * Streams measures it (the share of time polling, processing, punctuating and committing), read from the
	 * Prometheus endpoint (the one actuator endpoint open without credentials) every so many seconds while the round
	 * runs, and averaged. Reading costs the service CPU: that page formats every Kafka client metric, a fifth of the
	 * service's CPU samples when read every second, so read it every 5 s or more, or not at all for a measurement.
	 */
	private static final class ThreadRatios {

		private static final Pattern RATIO = Pattern
			.compile("^kafka_stream_thread_(\\w+)_ratio\\{.*thread_id=\"[^\"]*(StreamThread-\\d+)\".*\\} (\\S+)$");

		private final Map<String, double[]> sums = new TreeMap<>();

		private final Thread sampler;

		private volatile boolean running = true;

		ThreadRatios(int port, long everyMillis) {
			HttpClient http = HttpClient.newHttpClient();
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(5))
				.build();
			this.sampler = new Thread(() -> {
				while (this.running) {
					try {
						Thread.sleep(everyMillis);
						http.send(request, HttpResponse.BodyHandlers.ofString()).body().lines().forEach((line) -> {
							Matcher ratio = RATIO.matcher(line);
							if (ratio.matches() && !ratio.group(3).equals("NaN")) {
								synchronized (this.sums) {
									double[] sum = this.sums.computeIfAbsent(ratio.group(2) + " " + ratio.group(1),
											(k) -> new double[2]);
									sum[0] += Double.parseDouble(ratio.group(3));
									sum[1]++;
								}
							}
						});
					}
					catch (IOException ex) {
						// the next reading
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "load-thread-ratios");
			this.sampler.setDaemon(true);
			this.sampler.start();
		}

		void stopAndPrint() throws InterruptedException {
			this.running = false;
			this.sampler.interrupt();
			this.sampler.join();
			synchronized (this.sums) {
				StringBuilder line = new StringBuilder("  stream threads' time (Kafka Streams' own ratios, mean of "
						+ this.sums.values().stream().mapToInt((sum) -> (int) sum[1]).max().orElse(0) + " readings):");
				this.sums.forEach((name, sum) -> line.append(String.format(Locale.ROOT, " %s=%.2f", name, sum[0] / sum[1])));
				System.out.println(line);
			}
		}

	}

	/**
	 * Between rounds, longer than the flood interval (15 s): the next round's returning authors and duplicates come
	 * from earlier rounds, and must not count as floods.
	 */
	private void pause() throws InterruptedException {
		Thread.sleep(Long.parseLong(this.options.get("pause.s")) * 1000);
	}

	private AppProcess startService(App app, String id, int partitions) throws Exception {
		Path jar = (app.name().equals("variant") && this.options.containsKey("variant.jar"))
				? Path.of(this.options.get("variant.jar")) : null;
		if (jar != null && !Files.isRegularFile(jar)) {
			throw new IllegalArgumentException("variant.jar: no such file " + jar);
		}
		if (jar == null) {
			try (Stream<Path> files = Files.list(Path.of("target"))) {
				jar = files.filter((p) -> p.getFileName().toString().matches("comment-moderation-.*\\.jar"))
					.filter((p) -> !p.getFileName().toString().endsWith("-plain.jar"))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException(
							"No target/comment-moderation-*.jar: build it first with ./mvnw -B -ntp -q package -DskipTests"));
			}
		}
		int httpPort = KafkaBroker.freePort();
		this.httpPorts.put(app.name(), httpPort);
		List<String> command = new ArrayList<>(List.of(AppProcess.java()));
		command.addAll(jvmOptions(true));
		command.addAll(List.of("-jar", jar.toString(),
				"--server.port=" + httpPort, "--spring.kafka.bootstrap-servers=" + this.bootstrap,
				"--spring.kafka.streams.state-dir=" + Files.createTempDirectory("load-service-"),
				"--moderation.topics.create=true", "--moderation.topics.replication-factor=1",
				"--moderation.topics.partitions=" + partitions,
				"--moderation.rules.blocked-terms=" + CommentMix.BLOCKED_TERM, "--spring.main.banner-mode=off",
				"--spring.kafka.streams.application-id=" + id));
		for (String topic : List.of("submitted", "approved", "rejected", "held", "reviewed", "author-actions",
				"classifier-model")) {
			command.add("--moderation.topics." + topic + "=" + id + ".comments." + topic);
		}
		command.add("--moderation.topics.dead-letter=" + id + "." + ServiceTopics.DEAD_LETTER);
		command.addAll(app.serviceArgs());
		System.out.println(app.name() + ": " + String.join(" ", command.subList(1, command.size())));
		AppProcess process = new AppProcess(app.name(), command, this.logs.resolve(app.name() + ".log"), null, false);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException(app.name() + " ended at start-up; see " + this.logs);
			}
			try {
				if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort
						+ "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return process;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			if (System.nanoTime() > deadline) {
				process.close();
				throw new IllegalStateException(app.name() + " not ready within 3 minutes");
			}
			Thread.sleep(200);
		}
	}

	/** One bounded round: publishes count comments at rate per second (0: at once) and reads their decisions. */
	private final class Round {

		private final String app;

		private final String prefix;

		private final String in;

		private final int count;

		private final int rate;

		private final byte[][] values;

		private final CommentMix.Kind[] kinds;

		private final String[] outcomes;

		Round(String app, String name, String in, CommentMix mix, int count, int rate) {
			this.app = app;
			this.prefix = name + "-";
			this.in = in;
			this.count = count;
			this.rate = rate;
			this.values = new byte[count][];
			this.kinds = new CommentMix.Kind[count];
			this.outcomes = new String[count];
			boolean legacy = ProcessLoadTool.this.options.get("mix").equals("legacy");
			String run = Long.toString(System.nanoTime(), 36) + "-" + this.prefix;
			for (int i = 0; i < count; i++) {
				// generated before publishing, so the generator costs the publisher nothing
				String commentId = run + i;
				if (legacy) {
					this.values[i] = CommentMix.legacy(commentId, i);
				}
				else {
					CommentMix.Comment comment = mix.next(commentId);
					this.values[i] = comment.json();
					this.kinds[i] = comment.kind();
				}
			}
			mix.newRound();
		}

		Result run(KafkaProducer<byte[], byte[]> producer, KafkaConsumer<byte[], byte[]> reader) throws Exception {
			String load = loadAverage();
			boolean[] seen = new boolean[this.count];
			Histogram histogram = new Histogram(Duration.ofMinutes(10).toMillis(), 3);
			AtomicBoolean failed = new AtomicBoolean();
			String idPrefix = new String(commentIdOf(this.values[0]), StandardCharsets.UTF_8);
			String keyPrefix = idPrefix.substring(0, idPrefix.lastIndexOf('-') + 1);
			Thread publisher = new Thread(() -> {
				long start = System.nanoTime();
				long interval = (this.rate > 0) ? 1_000_000_000L / this.rate : 0;
				for (int i = 0; i < this.count; i++) {
					if (interval > 0) {
						long due = start + i * interval;
						long wait;
						while ((wait = due - System.nanoTime()) > 0) {
							LockSupport.parkNanos(wait);
						}
					}
					producer.send(new ProducerRecord<>(this.in, null, System.currentTimeMillis(),
							(keyPrefix + i).getBytes(StandardCharsets.UTF_8), this.values[i]), (metadata, ex) -> {
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
			long deadline = first + Duration.ofMinutes(5).toNanos();
			while (received < this.count && System.nanoTime() < deadline && !failed.get()) {
				var records = reader.poll(Duration.ofMillis(100));
				long nowMillis = System.currentTimeMillis();
				long now = System.nanoTime();
				for (ConsumerRecord<byte[], byte[]> record : records) {
					String key = new String(record.key(), StandardCharsets.UTF_8);
					if (!key.startsWith(keyPrefix)) {
						continue;
					}
					int i = Integer.parseInt(key.substring(keyPrefix.length()));
					if (seen[i]) {
						duplicates++;
						continue;
					}
					seen[i] = true;
					received++;
					this.outcomes[i] = outcome(record);
					histogram.recordValue(Math.max(0, nowMillis - record.timestamp()));
					last = now;
				}
			}
			publisher.join();
			if (received < this.count) {
				throw new IllegalStateException(this.app + " " + this.prefix + ": " + received + " of " + this.count
						+ " decisions read" + (failed.get() ? " (a send failed)" : " within 5 minutes"));
			}
			return new Result(this.app, this.rate, this.count, this.count / ((last - first) / 1e9), histogram,
					duplicates, load + " -> " + loadAverage());
		}

		/** What each kind of comment was decided: the reader's proof that the mix did what it says. */
		void printOutcomes() {
			if (this.kinds[0] == null) {
				Map<String, Integer> totals = new TreeMap<>();
				for (String outcome : this.outcomes) {
					totals.merge(outcome, 1, Integer::sum);
				}
				System.out.println("  outcomes (legacy mix): " + totals);
				return;
			}
			Map<CommentMix.Kind, Map<String, Integer>> table = new TreeMap<>();
			Map<String, Integer> totals = new TreeMap<>();
			for (int i = 0; i < this.count; i++) {
				table.computeIfAbsent(this.kinds[i], (k) -> new TreeMap<>()).merge(this.outcomes[i], 1, Integer::sum);
				totals.merge(this.outcomes[i].split(" ")[0], 1, Integer::sum);
			}
			System.out.println("  outcomes: " + totals + " (the input is keyed by commentId, so the two comments of a"
					+ " flood may be decided in either order: then the first one is the FLOOD)");
			table.forEach((kind, outcomes) -> System.out.printf("  %-16s expected %-24s got %s%n", kind,
					kind.expected(), outcomes));
		}

	}

	/** The topic's outcome and the decision's reason codes, e.g. {@code REJECTED FLOOD}. */
	private static String outcome(ConsumerRecord<byte[], byte[]> record) {
		String topic = record.topic();
		String outcome = topic.endsWith(ServiceTopics.DEAD_LETTER) ? "DEAD_LETTER"
				: topic.substring(topic.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
		if (record.value() == null || topic.endsWith(ServiceTopics.DEAD_LETTER)) {
			return outcome;
		}
		Matcher codes = REASON_CODE.matcher(new String(record.value(), StandardCharsets.UTF_8));
		// a reason's code can appear more than once in a decision (the reasons and their details)
		java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
		while (codes.find()) {
			reasons.add(codes.group(1));
		}
		return reasons.isEmpty() ? outcome : outcome + " " + String.join("+", reasons);
	}

	private static byte[] commentIdOf(byte[] json) {
		String text = new String(json, StandardCharsets.UTF_8);
		int start = text.indexOf("\"commentId\":\"") + 13;
		return text.substring(start, text.indexOf('"', start)).getBytes(StandardCharsets.UTF_8);
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private KafkaProducer<byte[], byte[]> producer() {
		// As a site's backend would publish: acks=all, a short linger. Not idempotent, for the reason in LoadTool.
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
				ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer());
	}

	private KafkaConsumer<byte[], byte[]> reader(List<String> outputs) {
		KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
				"load-reader-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(outputs);
		return consumer;
	}

	private void createTopics(int partitions, String... names) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap))) {
			List<NewTopic> topics = new ArrayList<>();
			for (String name : names) {
				topics.add(new NewTopic(name, partitions, (short) 1));
			}
			admin.createTopics(topics).all().get();
		}
	}

}
