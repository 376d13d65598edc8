package dev.commentmoderation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.policy.ActivePolicy;
import dev.commentmoderation.policy.Policy;
import dev.commentmoderation.policy.PolicyLoader;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;
import dev.commentmoderation.stage.CommentRules;
import dev.commentmoderation.stream.ModerationListener;
import dev.commentmoderation.stream.ModerationTopology;

/**
 * The moderation topology in a {@link TopologyTestDriver}, built as the service builds it: through
 * {@link ModerationTopology}'s one constructor, under a policy the real {@link PolicyLoader} compiles from the
 * {@code moderation.rules.*} settings (alone, as without a policy file, or under a policy file's content), with
 * exactly-once processing and a state directory of its own that {@link #close()} deletes.
 * <p>
 * One {@link TestClock} is both the topology's clock and the driver's wall clock; {@link #advance(Duration)} moves
 * both. Record time is each input record's timestamp. Every input and output topic has its reader or writer here
 * (byte[] keys and values, as the service), with the helpers topology tests share.
 */
public final class ModerationTopologyDriver implements AutoCloseable {

	/** The service's default topic names (application.yml). */
	public static final ModerationTopology.Topics TOPICS = new ModerationTopology.Topics(ServiceTopics.SUBMITTED,
			"comments.approved", "comments.rejected", ServiceTopics.DEAD_LETTER, "comments.held", "comments.reviewed",
			"comments.author-actions", "comments.classifier-model", 6);

	/** The application.id: internal topics are named {@code <application.id>-<name>-repartition}. */
	public static final String APPLICATION_ID = "moderation-topology-test";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Setup setup;

	private final TestClock clock;

	private final PolicyLoader loader;

	private final ActivePolicy policy;

	private final Path stateDirectory;

	private final TopologyTestDriver driver;

	private final TestInputTopic<byte[], byte[]> submitted;

	private final TestInputTopic<byte[], byte[]> reviewed;

	private final TestInputTopic<byte[], byte[]> authorActions;

	private final TestInputTopic<byte[], byte[]> classifierModel;

	private final TestOutputTopic<byte[], byte[]> approved;

	private final TestOutputTopic<byte[], byte[]> rejected;

	private final TestOutputTopic<byte[], byte[]> held;

	private final TestOutputTopic<byte[], byte[]> deadLetters;

	private final TestOutputTopic<byte[], byte[]> modelRecords;

	private ModerationTopologyDriver(Setup setup) {
		this.setup = setup;
		this.clock = new TestClock(setup.start);
		this.loader = setup.loader(this.clock);
		this.policy = new ActivePolicy(setup.policy(this.loader));
		Topology topology = setup.topology(this.policy, this.clock);
		try {
			this.stateDirectory = Files.createTempDirectory("moderation-topology-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDirectory.toString());
		this.driver = new TopologyTestDriver(topology, config, setup.start);
		ModerationTopology.Topics topics = setup.topics;
		this.submitted = input(topics.submitted());
		this.reviewed = input(topics.reviewed());
		this.authorActions = input(topics.authorActions());
		this.classifierModel = input(topics.classifierModel());
		this.approved = output(topics.approved());
		this.rejected = output(topics.rejected());
		this.held = output(topics.held());
		this.deadLetters = output(topics.deadLetter());
		this.modelRecords = output(topics.classifierModel());
	}

	/** A driver of the service's default topics and settings, at {@link Setup#DEFAULT_START}; change what differs. */
	public static Setup with() {
		return new Setup();
	}

	public ModerationTopology.Topics topics() {
		return this.setup.topics;
	}

	/** The topology's clock: what it stamps decisions with and measures turnarounds by. */
	public TestClock clock() {
		return this.clock;
	}

	/** The policy in force, as the service's: {@link #reloadPolicy(String)} replaces it. */
	public ActivePolicy policy() {
		return this.policy;
	}

	/** A changed policy file, compiled by the same loader and swapped in whole, as the service's reload does. */
	public Policy reloadPolicy(String yaml) {
		Policy next = parse(this.loader, yaml);
		this.policy.replace(next);
		return next;
	}

	/** The TopologyTestDriver itself, for what the helpers here do not cover (stores, internal topics). */
	public TopologyTestDriver testDriver() {
		return this.driver;
	}

	/** Moves the topology's clock and the driver's wall clock forward together. */
	public void advance(Duration duration) {
		this.clock.advance(duration);
		this.driver.advanceWallClockTime(duration);
	}

	// --- inputs

	public TestInputTopic<byte[], byte[]> submitted() {
		return this.submitted;
	}

	public TestInputTopic<byte[], byte[]> reviewed() {
		return this.reviewed;
	}

	public TestInputTopic<byte[], byte[]> authorActions() {
		return this.authorActions;
	}

	/** The model topic as the global store reads it (records the model stage did not write). */
	public TestInputTopic<byte[], byte[]> classifierModel() {
		return this.classifierModel;
	}

	/** A comment (CommentSubmitted JSON) under the record key, written at record time {@code timestamp}. */
	public void submit(String key, String value, Instant timestamp) {
		this.submitted.pipeInput(new TestRecord<>(bytes(key), bytes(value), new RecordHeaders(), timestamp));
	}

	/** A moderator's review (JSON) under the record key. */
	public void review(String key, String value, Instant timestamp) {
		this.reviewed.pipeInput(new TestRecord<>(bytes(key), bytes(value), new RecordHeaders(), timestamp));
	}

	/** A moderator's action on an author (JSON) under the record key. */
	public void act(String key, String value, Instant timestamp) {
		this.authorActions.pipeInput(new TestRecord<>(bytes(key), bytes(value), new RecordHeaders(), timestamp));
	}

	// --- outputs

	public TestOutputTopic<byte[], byte[]> approved() {
		return this.approved;
	}

	public TestOutputTopic<byte[], byte[]> rejected() {
		return this.rejected;
	}

	public TestOutputTopic<byte[], byte[]> held() {
		return this.held;
	}

	public TestOutputTopic<byte[], byte[]> deadLetters() {
		return this.deadLetters;
	}

	/** What the model stage wrote to the model topic. */
	public TestOutputTopic<byte[], byte[]> modelRecords() {
		return this.modelRecords;
	}

	/** One record the topology wrote. */
	public record Output(String topic, byte[] key, byte[] value, Headers headers) {

		public String keyAsString() {
			return (this.key == null) ? null : utf8(this.key);
		}

		public JsonNode json() {
			return ModerationTopologyDriver.json(this.value);
		}

	}

	/** Everything not yet read from the outcome topics: approved, rejected, held, then dead letters. */
	public List<Output> readAll() {
		List<Output> written = new ArrayList<>();
		ModerationTopology.Topics topics = this.setup.topics;
		read(topics.approved(), this.approved, written);
		read(topics.rejected(), this.rejected, written);
		read(topics.held(), this.held, written);
		read(topics.deadLetter(), this.deadLetters, written);
		return written;
	}

	/** {@link #readAll()} by record key: the commentId of a decision (a dead letter keeps the key it came with). */
	public Map<String, List<Output>> readAllByCommentId() {
		Map<String, List<Output>> byKey = new LinkedHashMap<>();
		for (Output output : readAll()) {
			byKey.computeIfAbsent(output.keyAsString(), (key) -> new ArrayList<>()).add(output);
		}
		return byKey;
	}

	@Override
	public void close() {
		try {
			this.driver.close();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.stateDirectory.toFile());
		}
	}

	// --- helpers for what tests read

	/** A decision (or any JSON value) as a tree. */
	public static JsonNode json(byte[] value) {
		return JSON.readTree(value);
	}

	/** The reason codes of a decision, in its order. */
	public static List<String> reasonCodes(byte[] decision) {
		return reasonCodes(json(decision));
	}

	/** The reason codes of a decision, in its order. */
	public static List<String> reasonCodes(JsonNode decision) {
		List<String> codes = new ArrayList<>();
		decision.get("reasons").forEach((reason) -> codes.add(reason.get("code").stringValue()));
		return codes;
	}

	/** The commentIds of decisions, in their order. */
	public static List<String> commentIds(List<byte[]> decisions) {
		return decisions.stream().map((decision) -> json(decision).get("commentId").stringValue()).toList();
	}

	/** A header's last value as UTF-8 text, or null without one. */
	public static String header(TestRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? utf8(header.value()) : null;
	}

	public static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	public static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private TestInputTopic<byte[], byte[]> input(String topic) {
		return this.driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
	}

	private TestOutputTopic<byte[], byte[]> output(String topic) {
		return this.driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private static void read(String topic, TestOutputTopic<byte[], byte[]> output, List<Output> written) {
		for (TestRecord<byte[], byte[]> record : output.readRecordsToList()) {
			written.add(new Output(topic, record.key(), record.value(), record.headers()));
		}
	}

	private static Policy parse(PolicyLoader loader, String yaml) {
		return loader.parse(bytes(yaml), Path.of("policy.yaml"));
	}

	/**
	 * What the topology is built with; each setting defaults to the service's default. The policy is the
	 * {@link #rules(RuleSettings) moderation.rules.*} base alone unless a {@link #policyFile(String) policy file} is
	 * given.
	 */
	public static final class Setup {

		/** When the clocks start, unless {@link #at(Instant)} says otherwise. */
		public static final Instant DEFAULT_START = Instant.parse("2026-11-28T10:00:00Z");

		private ModerationTopology.Topics topics = TOPICS;

		private RuleSettings rules = RuleSettings.DEFAULTS;

		private StatefulSettings stateful = StatefulSettings.DEFAULTS;

		private String policyFile;

		private UnaryOperator<CommentRules> aroundRules = UnaryOperator.identity();

		private ClassifierSettings classifier;

		private ModerationListener listener = ModerationListener.NONE;

		private Instant start = DEFAULT_START;

		private Setup() {
		}

		public Setup topics(ModerationTopology.Topics topics) {
			this.topics = Objects.requireNonNull(topics);
			return this;
		}

		/** The moderation.rules.* settings: the whole policy without a policy file, its base with one. */
		public Setup rules(RuleSettings rules) {
			this.rules = Objects.requireNonNull(rules);
			return this;
		}

		/** The moderation.rules.* retentions and stateful thresholds. */
		public Setup stateful(StatefulSettings stateful) {
			this.stateful = Objects.requireNonNull(stateful);
			return this;
		}

		/** The content of moderation.policy.file, compiled by the real loader over the rules settings. */
		public Setup policyFile(String yaml) {
			this.policyFile = Objects.requireNonNull(yaml);
			return this;
		}

		/**
		 * Wraps the active policy's rules before the topology asks them: lets a test fail a comment inside the
		 * service, or act while a comment is between stages. The policy's own rules still decide every comment the
		 * wrapper passes on.
		 */
		public Setup aroundRules(UnaryOperator<CommentRules> aroundRules) {
			this.aroundRules = Objects.requireNonNull(aroundRules);
			return this;
		}

		/** Turns the spam classifier on with these settings (off by default here). */
		public Setup classifier(ClassifierSettings classifier) {
			this.classifier = Objects.requireNonNull(classifier);
			return this;
		}

		public Setup listener(ModerationListener listener) {
			this.listener = Objects.requireNonNull(listener);
			return this;
		}

		/** When the clocks start: the topology's clock and the driver's wall clock. */
		public Setup at(Instant start) {
			this.start = Objects.requireNonNull(start);
			return this;
		}

		/** Starts the topology in a driver of its own. */
		public ModerationTopologyDriver start() {
			return new ModerationTopologyDriver(this);
		}

		/** The topology alone, to describe, as the service would build it now. */
		public Topology topology() {
			TestClock clock = new TestClock(this.start);
			return topology(new ActivePolicy(policy(loader(clock))), clock);
		}

		private PolicyLoader loader(TestClock clock) {
			// as the service's PolicyConfiguration builds the base of its policy from moderation.rules.*
			return new PolicyLoader(
					new PolicyLoader.Base(this.rules, DecisionRules.of(this.rules.actions(), this.stateful)),
					PolicyLoader.DEFAULT_MAX_FLOOD_INTERVAL, clock);
		}

		private Policy policy(PolicyLoader loader) {
			return (this.policyFile != null) ? parse(loader, this.policyFile) : loader.baseOnly();
		}

		private Topology topology(ActivePolicy policy, TestClock clock) {
			StreamsBuilder builder = new StreamsBuilder();
			new ModerationTopology(this.topics, this.aroundRules.apply(CommentRules.of(policy)), this.stateful,
					PolicyLoader.DEFAULT_MAX_FLOOD_INTERVAL, this.listener, clock, this.classifier)
				.addTo(builder);
			return builder.build();
		}

	}

}
