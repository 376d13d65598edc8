package dev.commentmoderation.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where an application's time went in a JFR recording of the {@link ProcessLoadTool} ({@code jfr=<dir>}): CPU samples
 * by area (our stages and rules, JSON, Kafka Streams, the Kafka clients, RocksDB...), and for each stream thread its
 * wall time split into running, parked (by what it waited on) and the rest. Reads the recording with the JDK's
 * {@code jdk.jfr.consumer} API, so nothing but the JDK is needed:
 *
 * <p>
 * {@code ./mvnw -B -ntp -q -Pload test-compile exec:exec -Dload.main=dev.commentmoderation.load.JfrProfile
 * -Dload.args=target/jfr/service.jfr}
 *
 * <p>
 * How samples are attributed: a sample's area is that of its innermost frame outside the JDK, so time in
 * {@code java.util.regex} or {@code MessageDigest} counts for the code that called it. Java samples
 * ({@code jdk.ExecutionSample}, every 10 ms per running thread) are CPU; native samples
 * ({@code jdk.NativeMethodSample}) are threads in native code, which is RocksDB's CPU but also a network thread
 * waiting in epoll, so they are reported apart.
 */
public final class JfrProfile {

	/** Areas by class name prefix, the first that matches; order matters (the longest prefixes first). */
	private static final List<Map.Entry<String, String>> AREAS = List.of(
			Map.entry("dev.commentmoderation.stream.", "ours: stream adapters (processors, serdes)"),
			Map.entry("dev.commentmoderation.stage.", "ours: stages"),
			Map.entry("dev.commentmoderation.rules.", "ours: rules"),
			Map.entry("dev.commentmoderation.classifier.", "ours: classifier"),
			Map.entry("dev.commentmoderation.events.", "ours: events (parse, write)"),
			Map.entry("dev.commentmoderation.", "ours: other"),
			Map.entry("com.ibm.icu.", "rules' libraries: ICU (normalization, word breaks)"),
			Map.entry("com.google.re2j.", "rules' libraries: RE2/J"),
			Map.entry("org.ahocorasick.", "rules' libraries: Aho-Corasick"),
			Map.entry("org.jsoup.", "rules' libraries: jsoup"),
			Map.entry("tools.jackson.", "JSON / Smile (Jackson)"),
			Map.entry("com.fasterxml.jackson.", "JSON / Smile (Jackson)"),
			Map.entry("org.apache.kafka.streams.state.", "Kafka Streams: state stores (Java side)"),
			Map.entry("org.apache.kafka.streams.", "Kafka Streams: runtime"),
			Map.entry("org.apache.kafka.clients.producer.", "Kafka clients: producer, transactions"),
			Map.entry("org.apache.kafka.clients.consumer.", "Kafka clients: consumer"),
			Map.entry("org.apache.kafka.", "Kafka clients: common (network, records, compression)"),
			Map.entry("org.rocksdb.", "RocksDB (JNI)"),
			Map.entry("org.springframework.", "other: Spring"),
			Map.entry("io.micrometer.", "other: metrics"),
			Map.entry("ch.qos.logback.", "other: logging"),
			Map.entry("org.slf4j.", "other: logging"),
			Map.entry("org.apache.catalina.", "other: web server"),
			Map.entry("org.apache.coyote.", "other: web server"),
			Map.entry("org.apache.tomcat.", "other: web server"));

	private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

	private final Map<String, Counts> javaSamples = new TreeMap<>();

	private final Map<String, Counts> nativeSamples = new TreeMap<>();

	private final Map<String, ThreadTime> threads = new TreeMap<>();

	private final List<double[]> cpuLoads = new ArrayList<>();

	private final Map<String, Duration> gc = new TreeMap<>();

	/** CPU seconds of each Java thread group, from jdk.ThreadCPULoad (what the samples cannot see: native code). */
	private final Map<String, Double> threadCpu = new TreeMap<>();

	private final Map<String, Double> namedThreadCpu = new TreeMap<>();

	/** The gaps between two readings of a thread: the shortest common one is the period they cover. */
	private final List<Long> periods = new ArrayList<>();

	/** The last jdk.ThreadCPULoad of each thread, to know the interval the next one covers. */
	private final Map<Long, Instant> lastThreadCpu = new HashMap<>();

	/** Per area, the methods the Java samples were in (the innermost frame outside the JDK), and our callers. */
	private final Map<String, Map<String, Integer>> methods = new TreeMap<>();

	private final Map<String, Map<String, Integer>> callers = new TreeMap<>();

	private Instant start = Instant.MAX;

	private Instant end = Instant.MIN;

	private int cores = Runtime.getRuntime().availableProcessors();

	/** Samples per area (rows) and per thread group (columns). */
	private static final class Counts {

		final Map<String, Integer> byGroup = new TreeMap<>();

		int total;

		void add(String group) {
			this.byGroup.merge(group, 1, Integer::sum);
			this.total++;
		}

	}

	/** A stream thread's time: CPU load over time, and waits by what it waited on. */
	private static final class ThreadTime {

		final List<Double> cpu = new ArrayList<>();

		final Map<String, Duration> waits = new TreeMap<>();

		final Map<String, Integer> waitCounts = new TreeMap<>();

		int javaSamples;

		final Map<String, Integer> nativeTop = new TreeMap<>();

	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			throw new IllegalArgumentException("usage: JfrProfile <recording.jfr>...");
		}
		for (String arg : args) {
			for (String file : arg.trim().split("\\s+")) {
				JfrProfile profile = new JfrProfile();
				profile.read(Path.of(file));
				System.out.println("==== " + file);
				profile.print();
			}
		}
	}

	private void read(Path file) throws Exception {
		List<RecordedEvent> events = RecordingFile.readAllEvents(file);
		// with another recording running (the load tool's priming one), the file holds the whole chunk, from before
		// this recording started: only what happened since its start counts
		Instant from = events.stream()
			.filter((event) -> event.getEventType().getName().equals("jdk.ActiveRecording")
					&& "load".equals(event.getString("name")))
			.map((event) -> event.getInstant("recordingStart"))
			.min(Instant::compareTo)
			.orElse(Instant.MIN);
		for (RecordedEvent event : events) {
			if (event.getStartTime().isBefore(from) && !event.getEventType().getName().equals("jdk.CPUInformation")) {
				continue;
			}
			if (event.getStartTime().isBefore(this.start)) {
				this.start = event.getStartTime();
			}
			if (event.getEndTime().isAfter(this.end)) {
				this.end = event.getEndTime();
			}
			switch (event.getEventType().getName()) {
				case "jdk.CPUInformation" -> this.cores = event.getInt("hwThreads");
				case "jdk.CPULoad" -> this.cpuLoads.add(new double[] { event.getFloat("jvmUser"),
						event.getFloat("jvmSystem"), event.getFloat("machineTotal") });
				case "jdk.ExecutionSample" -> sample(event, "sampledThread", this.javaSamples, true);
				case "jdk.NativeMethodSample" -> sample(event, "sampledThread", this.nativeSamples, false);
				case "jdk.ThreadCPULoad" -> {
					RecordedThread thread = event.getThread();
					// a reading is the thread's share of all cores over the last period (an idle thread has none)
					Instant last = this.lastThreadCpu.put(thread.getId(), event.getStartTime());
					if (last != null) {
						this.periods.add(Duration.between(last, event.getStartTime()).toMillis());
					}
					double load = ((double) event.getFloat("user") + event.getFloat("system")) * this.cores;
					this.threadCpu.merge(group(thread), load, Double::sum);
					this.namedThreadCpu.merge(thread.getJavaName(), load, Double::sum);
					ThreadTime time = streamThread(thread);
					if (time != null) {
						time.cpu.add((double) event.getFloat("user") + event.getFloat("system"));
					}
				}
				case "jdk.ThreadPark", "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter", "jdk.ThreadSleep" -> {
					ThreadTime time = streamThread(event.getThread());
					if (time != null) {
						String site = event.getEventType().getName().substring(4) + " in " + waitSite(event);
						time.waits.merge(site, event.getDuration(), Duration::plus);
						time.waitCounts.merge(site, 1, Integer::sum);
					}
				}
				case "jdk.GarbageCollection" -> {
					this.gc.merge("collections: summed pauses", event.getDuration("sumOfPauses"), Duration::plus);
					this.gc.merge("collections: count", Duration.ofNanos(1), Duration::plus);
				}
				case "jdk.GCPhaseConcurrent" ->
					this.gc.merge("concurrent phases (on GC threads)", event.getDuration(), Duration::plus);
				default -> {
				}
			}
		}
	}

	private void sample(RecordedEvent event, String threadField, Map<String, Counts> counts, boolean java) {
		RecordedThread thread = event.getThread(threadField);
		String group = group(thread);
		RecordedStackTrace stack = event.getStackTrace();
		String area = (stack == null) ? "no stack" : area(stack, java);
		counts.computeIfAbsent(area, (k) -> new Counts()).add(group);
		if (java && stack != null) {
			this.methods.computeIfAbsent(area, (k) -> new TreeMap<>()).merge(selfMethod(stack), 1, Integer::sum);
			this.callers.computeIfAbsent(area, (k) -> new TreeMap<>()).merge(ourCaller(stack), 1, Integer::sum);
		}
		ThreadTime time = streamThread(thread);
		if (time != null) {
			if (java) {
				time.javaSamples++;
			}
			else {
				time.nativeTop.merge(area + " / " + topFrame(stack), 1, Integer::sum);
			}
		}
	}

	/** The area of the innermost frame outside the JDK; a native sample in the JDK's epoll is a wait, not work. */
	private static String area(RecordedStackTrace stack, boolean java) {
		List<RecordedFrame> frames = stack.getFrames();
		if (!java && !frames.isEmpty()) {
			String top = frames.get(0).getMethod().getType().getName() + "." + frames.get(0).getMethod().getName();
			if (top.contains("EPoll") || top.contains("Net.poll") || top.contains("socketRead")) {
				return "waiting for the network (epoll, poll, socket read) under " + owner(frames);
			}
		}
		return owner(frames);
	}

	private static String owner(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			if (JDK.stream().anyMatch(type::startsWith)) {
				continue;
			}
			return AREAS.stream()
				.filter((entry) -> type.startsWith(entry.getKey()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse("other: " + type.substring(0, Math.max(0, type.lastIndexOf('.'))));
		}
		return "JDK only";
	}

	/** The innermost method outside the JDK. */
	private static String selfMethod(RecordedStackTrace stack) {
		for (RecordedFrame frame : stack.getFrames()) {
			String type = frame.getMethod().getType().getName();
			if (JDK.stream().noneMatch(type::startsWith)) {
				return simple(type) + "." + frame.getMethod().getName();
			}
		}
		return topFrame(stack);
	}

	/** The innermost method of ours on the stack: what, of our code, led to this sample. */
	private static String ourCaller(RecordedStackTrace stack) {
		for (RecordedFrame frame : stack.getFrames()) {
			String type = frame.getMethod().getType().getName();
			if (type.startsWith("dev.commentmoderation.")) {
				return simple(type) + "." + frame.getMethod().getName();
			}
		}
		return "(none of ours)";
	}

	private static String topFrame(RecordedStackTrace stack) {
		if (stack == null || stack.getFrames().isEmpty()) {
			return "?";
		}
		RecordedFrame top = stack.getFrames().get(0);
		return simple(top.getMethod().getType().getName()) + "." + top.getMethod().getName();
	}

	/** Where a wait was: the innermost method outside the JDK and java.util.concurrent, e.g. Sender.awaitLeft. */
	private static String waitSite(RecordedEvent event) {
		RecordedStackTrace stack = event.getStackTrace();
		if (stack == null) {
			return "?";
		}
		List<String> path = new ArrayList<>();
		for (RecordedFrame frame : stack.getFrames()) {
			String type = frame.getMethod().getType().getName();
			if (JDK.stream().anyMatch(type::startsWith)) {
				continue;
			}
			path.add(simple(type) + "." + frame.getMethod().getName());
			if (path.size() == 3) {
				break;
			}
		}
		return path.isEmpty() ? "JDK" : String.join(" < ", path);
	}

	private static String simple(String type) {
		return type.substring(type.lastIndexOf('.') + 1);
	}

	/** Thread groups: stream threads, the producers' and consumers' network threads, the rest. */
	private static String group(RecordedThread thread) {
		String name = (thread == null || thread.getJavaName() == null) ? "?" : thread.getJavaName();
		if (name.contains("producer-network-thread")) {
			return "producer-net";
		}
		if (name.contains("-StreamThread-")) {
			return "stream";
		}
		if (name.contains("kafka-coordinator-heartbeat") || name.contains("consumer")) {
			return "consumer";
		}
		return "other";
	}

	private ThreadTime streamThread(RecordedThread thread) {
		if (thread == null || thread.getJavaName() == null || !thread.getJavaName().contains("-StreamThread-")
				|| thread.getJavaName().contains("producer")) {
			return null;
		}
		String name = thread.getJavaName();
		return this.threads.computeIfAbsent(name.substring(name.indexOf("StreamThread-")), (k) -> new ThreadTime());
	}

	private void print() {
		double span = Duration.between(this.start, this.end).toMillis() / 1000.0;
		double jvm = this.cpuLoads.stream().mapToDouble((l) -> l[0] + l[1]).average().orElse(0);
		double machine = this.cpuLoads.stream().mapToDouble((l) -> l[2]).average().orElse(0);
		System.out.printf(Locale.ROOT,
				"recording %.1f s, %d cores; this JVM used %.0f %% of the machine's CPU (%.1f CPU s), the machine %.0f %% in all%n",
				span, this.cores, 100 * jvm, jvm * this.cores * span, 100 * machine);
		List<Long> gaps = this.periods.stream().sorted().toList();
		double period = gaps.isEmpty() ? 1.0 : Math.round(gaps.get(gaps.size() / 4) / 100.0) / 10.0;
		this.threadCpu.replaceAll((group, load) -> load * period);
		this.namedThreadCpu.replaceAll((name, load) -> load * period);
		double threads = this.threadCpu.values().stream().mapToDouble(Double::doubleValue).sum();
		System.out.printf(Locale.ROOT, "CPU by thread (jdk.ThreadCPULoad every %.1f s, Java and native code alike):%n",
				period);
		this.threadCpu.forEach((group, seconds) -> System.out.printf(Locale.ROOT, "  %-14s %6.1f CPU s%n", group,
				seconds));
		System.out.printf(Locale.ROOT, "  %-14s %6.1f CPU s (the JVM's CPU less its Java threads': GC, JIT, VM)%n",
				"not Java", jvm * this.cores * span - threads);
		System.out.println("  busiest threads: " + this.namedThreadCpu.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(8)
			.map((e) -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
			.collect(Collectors.joining(", ")));
		printSamples("CPU: Java samples by area (innermost frame outside the JDK)", this.javaSamples);
		int total = this.javaSamples.values().stream().mapToInt((c) -> c.total).sum();
		System.out.println("The areas' top methods (innermost outside the JDK) and what of ours they ran for:");
		this.javaSamples.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Counts>comparingByValue(
					java.util.Comparator.comparingInt((Counts c) -> c.total)).reversed())
			.limit(10)
			.forEach((area) -> {
				System.out.printf(Locale.ROOT, "  %s (%.1f %%)%n", area.getKey(), 100.0 * area.getValue().total / total);
				System.out.println("    in:  " + top(this.methods.get(area.getKey()), total));
				System.out.println("    for: " + top(this.callers.get(area.getKey()), total));
			});
		printSamples("Native samples by area (RocksDB is CPU; epoll is waiting)", this.nativeSamples);
		System.out.println("GC:");
		this.gc.forEach((what, duration) -> System.out.printf(Locale.ROOT, "  %-40s %s%n", what,
				what.endsWith("count") ? Long.toString(duration.toNanos())
						: String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9)));
		System.out.println("Stream threads, wall time over the recording:");
		this.threads.forEach((name, time) -> {
			double cpu = time.cpu.stream().mapToDouble(Double::doubleValue).sum() * this.cores * period;
			double waited = time.waits.values().stream().mapToLong(Duration::toNanos).sum() / 1e9;
			System.out.printf(Locale.ROOT,
					"  %s: on CPU %.1f s (%.0f %%; Java samples %d = %.1f s), parked/waiting %.1f s (%.0f %%), neither %.1f s (%.0f %%: in the consumer's poll (native) or waiting for a core)%n",
					name, cpu, 100 * cpu / span, time.javaSamples, time.javaSamples * 0.010, waited,
					100 * waited / span, span - cpu - waited, 100 * (span - cpu - waited) / span);
			time.waits.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
				.limit(8)
				.forEach((wait) -> System.out.printf(Locale.ROOT, "      %6.2f s  %6d times, %6.2f ms each  %s%n",
						wait.getValue().toNanos() / 1e9, time.waitCounts.get(wait.getKey()),
						wait.getValue().toNanos() / 1e6 / time.waitCounts.get(wait.getKey()), wait.getKey()));
			int natives = time.nativeTop.values().stream().mapToInt(Integer::intValue).sum();
			time.nativeTop.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.limit(4)
				.forEach((top) -> System.out.printf(Locale.ROOT, "      native samples %3.0f %%  %s%n",
						100.0 * top.getValue() / natives, top.getKey()));
		});
	}

	private static String top(Map<String, Integer> counts, int total) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(5)
			.map((e) -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100.0 * e.getValue() / total))
			.collect(Collectors.joining(", "));
	}

	private static void printSamples(String title, Map<String, Counts> samples) {
		int total = samples.values().stream().mapToInt((c) -> c.total).sum();
		List<String> groups = samples.values()
			.stream()
			.flatMap((c) -> c.byGroup.keySet().stream())
			.distinct()
			.sorted()
			.toList();
		System.out.printf(Locale.ROOT, "%s: %d samples%n  %-66s %6s  %s%n", title, total, "area", "share",
				groups.stream().map((g) -> String.format(Locale.ROOT, "%13s", g)).collect(Collectors.joining()));
		samples.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Counts>comparingByValue(
					java.util.Comparator.comparingInt((Counts c) -> c.total)).reversed())
			.forEach((entry) -> System.out.printf(Locale.ROOT, "  %-66s %5.1f%%  %s%n", entry.getKey(),
					100.0 * entry.getValue().total / total,
					groups.stream()
						.map((g) -> String.format(Locale.ROOT, "%13d", entry.getValue().byGroup.getOrDefault(g, 0)))
						.collect(Collectors.joining())));
	}

}
