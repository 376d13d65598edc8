package dev.commentmoderation.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) in this JVM, on a fixed port that
 * survives {@link #stop()} and {@link #start()}, so tests can take the broker away and bring it back, and the dev
 * launcher can listen on localhost:9092. Set up for exactly-once: one replica for every internal topic.
 * (spring-kafka-test's embedded broker picks its own ports and cannot be restarted.)
 */
public final class KafkaBroker implements AutoCloseable {

	private final int port;

	private final int controllerPort;

	private final Path logDir;

	private final Map<String, String> overrides;

	private final java.util.List<String> scramArguments;

	private KafkaRaftServer server;

	public KafkaBroker(int port) {
		this(port, Map.of());
	}

	public KafkaBroker(int port, Map<String, String> overrides) {
		this(port, overrides, java.util.List.of());
	}

	/**
	 * @param overrides broker settings that replace the defaults; a {@code listeners} override lists the client
	 * and inter-broker listeners only: the CONTROLLER listener is added to it
	 * @param scramArguments SCRAM credentials written into the metadata at format time, as for
	 * {@code kafka-storage format --add-scram}, e.g. {@code SCRAM-SHA-512=[name=admin,password=secret]}
	 */
	public KafkaBroker(int port, Map<String, String> overrides, java.util.List<String> scramArguments) {
		this.port = (port == 0) ? freePort() : port;
		this.controllerPort = freePort();
		this.overrides = overrides;
		this.scramArguments = scramArguments;
		try {
			this.logDir = Files.createTempDirectory("kafka-broker-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		format();
	}

	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	public int port() {
		return this.port;
	}

	public synchronized KafkaBroker start() {
		if (this.server == null) {
			this.server = new KafkaRaftServer(new KafkaConfig(config()), Time.SYSTEM);
			this.server.startup();
		}
		return this;
	}

	public synchronized void stop() {
		if (this.server != null) {
			this.server.shutdown();
			this.server.awaitShutdown();
			this.server = null;
		}
	}

	@Override
	public void close() {
		stop();
		try {
			Utils.delete(this.logDir.toFile());
		}
		catch (IOException ex) {
			// a temp directory left behind is not worth failing a test for
		}
	}

	private Properties config() {
		Properties props = new Properties();
		props.put("process.roles", "broker,controller");
		props.put("node.id", "1");
		props.put("controller.quorum.voters", "1@localhost:" + this.controllerPort);
		props.put("listeners", "PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + this.controllerPort);
		props.put("advertised.listeners", "PLAINTEXT://localhost:" + this.port);
		props.put("controller.listener.names", "CONTROLLER");
		props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		props.put("inter.broker.listener.name", "PLAINTEXT");
		props.put("log.dirs", this.logDir.toString());
		props.put("offsets.topic.replication.factor", "1");
		props.put("offsets.topic.num.partitions", "5");
		props.put("transaction.state.log.replication.factor", "1");
		props.put("transaction.state.log.min.isr", "1");
		props.put("transaction.state.log.num.partitions", "5");
		props.put("share.coordinator.state.topic.replication.factor", "1");
		props.put("share.coordinator.state.topic.min.isr", "1");
		props.put("group.initial.rebalance.delay.ms", "0");
		props.put("auto.create.topics.enable", "false");
		props.put("num.partitions", "1");
		props.putAll(this.overrides);
		if (this.overrides.containsKey("listeners")) {
			props.put("listeners", this.overrides.get("listeners") + ",CONTROLLER://localhost:" + this.controllerPort);
		}
		return props;
	}

	private void format() {
		try {
			new Formatter().setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
				.setClusterId(Uuid.randomUuid().toString())
				.setNodeId(1)
				.setControllerListenerName("CONTROLLER")
				.setMetadataLogDirectory(this.logDir.toString())
				.setDirectories(java.util.List.of(this.logDir.toString()))
				.setReleaseVersion(MetadataVersion.latestProduction())
				.setScramArguments(this.scramArguments)
				.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot format the broker's log directory " + this.logDir, ex);
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
