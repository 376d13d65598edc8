package dev.commentmoderation.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Sizes of the fault tests: short by default (the default ./mvnw verify), long with -Pfaults, which sets
 * faults.crash.comments=100000, faults.crash.kills=3 and so on (see pom.xml).
 */
final class FaultSettings {

	private FaultSettings() {
	}

	/** {@code faults.<name>}, or the short default. */
	static int get(String name, int shortDefault) {
		return Integer.getInteger("faults." + name, shortDefault);
	}

	static void createTopics(String bootstrapServers, int partitions, String... names) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			List<NewTopic> topics = new ArrayList<>();
			for (String name : names) {
				topics.add(new NewTopic(name, partitions, (short) 1));
			}
			admin.createTopics(topics).all().get();
		}
	}

	static Path logFile(String name) throws Exception {
		Path dir = Path.of("target", "fault-logs");
		Files.createDirectories(dir);
		Path log = dir.resolve(name + ".log");
		Files.deleteIfExists(log);
		return log;
	}

}
