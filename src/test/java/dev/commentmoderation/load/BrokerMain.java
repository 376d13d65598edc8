package dev.commentmoderation.load;

import java.util.Map;

import dev.commentmoderation.testing.KafkaBroker;

/**
 * The load tool's broker as a JVM of its own, as in production: a single-node KRaft broker on a free loopback port.
 * Prints {@code BOOTSTRAP host:port} once it serves, and stops when its standard input closes (when the load tool
 * ends, however it ends).
 */
public final class BrokerMain {

	private BrokerMain() {
	}

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		// flushes left to the OS page cache, as Kafka's own default does
		try (KafkaBroker broker = new KafkaBroker(0,
				Map.of("log.flush.interval.messages", Long.toString(Long.MAX_VALUE))).start()) {
			System.out.println("BOOTSTRAP " + broker.bootstrapServers());
			System.out.flush();
			while (System.in.read() != -1) {
				// wait for the parent to go away
			}
		}
		System.exit(0);
	}

}
