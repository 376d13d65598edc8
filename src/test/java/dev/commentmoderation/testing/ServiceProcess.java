package dev.commentmoderation.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service as a separate JVM process (CommentModerationApplication on this JVM's class path, so no package
 * phase is needed), which tests can kill with SIGKILL and start again with the same settings and HTTP port.
 * Its output is appended to a log file.
 */
public final class ServiceProcess implements AutoCloseable {

	private final List<String> args;

	private final Path log;

	private final int httpPort;

	private Process process;

	public ServiceProcess(Path log, List<String> args) {
		this.log = log;
		this.httpPort = freePort();
		this.args = args;
	}

	public int httpPort() {
		return this.httpPort;
	}

	public synchronized ServiceProcess start() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// JVM defaults otherwise, as in production: startup time is part of what the crash test measures
		command.add("-Xmx512m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add("dev.commentmoderation.CommentModerationApplication");
		command.add("--server.port=" + this.httpPort);
		command.add("--spring.main.banner-mode=off");
		command.addAll(this.args);
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** SIGKILL: no shutdown hook, no leave-group, no transaction abort. */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	/** SIGTERM, the graceful stop a platform does first. */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	public synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	/** The HTTP status of GET path, or -1 when the service does not answer. */
	public int status(String path) {
		try {
			return HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(1))
				.build()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.httpPort + path))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	public boolean isReady() {
		return status("/actuator/health/readiness") == 200;
	}

	public File logFile() {
		return this.log.toFile();
	}

	@Override
	public void close() {
		kill();
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
