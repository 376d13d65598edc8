package dev.commentmoderation.demosite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real moderation service, run from its executable jar (built by {@code ./mvnw package} at the repository
 * root) as a child process, against the given broker. It creates its topics; the demo blocked terms are those of
 * the service's dev profile. Its output goes to {@code target/moderation-service.log}.
 */
public final class ModerationServiceProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final int port;

	private ModerationServiceProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	public static ModerationServiceProcess start(String bootstrapServers, Path log, String... extraArgs)
			throws IOException, InterruptedException {
		Path jar = Path.of(System.getProperty("moderation.service.jar",
				"../../target/comment-moderation-0.1.0-SNAPSHOT.jar")).toAbsolutePath().normalize();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The moderation service's jar " + jar + " is missing: build it first with"
					+ " ./mvnw -DskipTests package at the repository root");
		}
		int port = freePort();
		Path stateDir = Files.createTempDirectory("moderation-streams-");
		List<String> command = new java.util.ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
				"-jar", jar.toString(), "--server.port=" + port, "--spring.kafka.bootstrap-servers=" + bootstrapServers,
				"--spring.kafka.streams.state-dir=" + stateDir, "--moderation.topics.create=true",
				"--moderation.topics.replication-factor=1", "--moderation.rules.blocked-terms=casino,viagra,free money"));
		command.addAll(List.of(extraArgs));
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ModerationServiceProcess service = new ModerationServiceProcess(process, log, port);
		service.awaitReady(Duration.ofSeconds(180));
		return service;
	}

	public int port() {
		return this.port;
	}

	private void awaitReady(Duration timeout) throws InterruptedException, IOException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI readiness = URI.create("http://localhost:" + this.port + "/actuator/health/readiness");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The moderation service exited (" + this.process.exitValue()
						+ "); see " + this.log + ":\n" + tail());
			}
			try {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		close();
		throw new IllegalStateException("The moderation service was not ready within " + timeout + "; see " + this.log
				+ ":\n" + tail());
	}

	private String tail() throws IOException {
		List<String> lines = Files.readAllLines(this.log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
