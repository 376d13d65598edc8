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
 * Sizes of the fault tests: short by default (the default ./mvnw verify), long with -Pfaults
 * (-Dfaults.comments=100000 ...).
 */
final class FaultSettings {

	private FaultSettings() {
	}

	static int comments(int shortDefault) {
		return Integer.getInteger("faults.comments", shortDefault);
	}

	static int kills(int shortDefault) {
		return Integer.getInteger("faults.kills", shortDefault);
	}

	static int rate(int shortDefault) {
		return Integer.getInteger("faults.rate", shortDefault);
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
		return dir.resolve(name + ".log");
	}

}
