package dev.commentmoderation.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the load tool starts (the broker, the service jar, a reference application): its output goes to a log file,
 * a line it prints can be awaited, and closing its standard input asks it to stop (the helpers of this package
 * stop on that), with a SIGTERM and then a SIGKILL as fallbacks.
 */
final class AppProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final CompletableFuture<String> marker = new CompletableFuture<>();

	/** The service jar stops on SIGTERM, as on a platform; this package's helpers on end of input. */
	private final boolean stopsOnEndOfInput;

	AppProcess(String name, List<String> command, Path log, String markerPrefix, boolean stopsOnEndOfInput) {
		this.name = name;
		this.stopsOnEndOfInput = stopsOnEndOfInput;
		try {
			Files.createDirectories(log.getParent());
			this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread drain = new Thread(() -> drain(log, markerPrefix), name + "-output");
		drain.setDaemon(true);
		drain.start();
	}

	/** Java on this JVM's class path (the project's test classes and dependencies) running {@code mainClass}. */
	static List<String> javaOnClassPath(List<String> jvmOptions, Class<?> mainClass, String... args) {
		List<String> command = new java.util.ArrayList<>(List.of(java()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
		command.addAll(List.of(args));
		return command;
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** Runs a diagnostic command in this JVM (e.g. {@code JFR.start}), failing when jcmd does. */
	void jcmd(String... command) throws Exception {
		List<String> line = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
			.toString(), Long.toString(this.process.pid())));
		line.addAll(List.of(command));
		Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!jcmd.waitFor(1, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed in " + this.name + ": " + output);
		}
	}

	/** The rest of the first line starting with the marker prefix, once printed. */
	String awaitMarker(Duration timeout) throws Exception {
		try {
			return this.marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException(this.name + " printed no start marker within " + timeout, ex);
		}
	}

	/** The CPU time this JVM used so far, all its threads (the operating system's count). */
	Duration cpu() {
		return this.process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	private void drain(Path log, String markerPrefix) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
				PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
			String line;
			while ((line = reader.readLine()) != null) {
				out.println(line);
				if (markerPrefix != null && !this.marker.isDone() && line.startsWith(markerPrefix)) {
					this.marker.complete(line.substring(markerPrefix.length()).trim());
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
		this.marker.completeExceptionally(new IllegalStateException(this.name + " ended; see " + log));
	}

	@Override
	public void close() {
		try (OutputStream stdin = this.process.getOutputStream()) {
			// closing it is the stop signal
		}
		catch (IOException ex) {
			// already gone
		}
		try {
			if (!this.stopsOnEndOfInput || !this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroy();
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
