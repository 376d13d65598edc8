package dev.commentmoderation.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Checks the policy file (and the term files it names) for changes; a changed policy is checked and compiled off the
 * stream threads, then swapped in whole. A policy that fails its checks is refused: the active one keeps running,
 * and the same refused content is reported once, not on every check. Works with files replaced in place, renamed
 * over, or behind a Kubernetes ConfigMap's symbolic links: it compares content, not timestamps.
 */
public final class PolicyReloader implements Runnable {

	/** Told of what a check found. */
	public interface Listener {

		void applied(Policy previous, Policy next);

		void refused(Path file, PolicyException problem, Policy kept);

	}

	private final Path file;

	private final PolicyLoader loader;

	private final ActivePolicy active;

	private final Listener listener;

	private byte[] lastSeen;

	private volatile PolicyException refusal;

	public PolicyReloader(Path file, PolicyLoader loader, ActivePolicy active, Listener listener) {
		this.file = Objects.requireNonNull(file, "file");
		this.loader = Objects.requireNonNull(loader, "loader");
		this.active = Objects.requireNonNull(active, "active");
		this.listener = Objects.requireNonNull(listener, "listener");
		this.lastSeen = fingerprint(active.get());
	}

	/** The problems of the file on disk, when it was refused and is still there; null when it is in force. */
	public PolicyException refusal() {
		return this.refusal;
	}

	/** One check; safe to call from one scheduler thread at a time. */
	@Override
	public synchronized void run() {
		byte[] seen = fingerprint(this.active.get());
		if (Arrays.equals(seen, this.lastSeen)) {
			return;
		}
		this.lastSeen = seen;
		Policy next;
		try {
			next = this.loader.load(this.file);
		}
		catch (PolicyException ex) {
			this.refusal = ex;
			this.listener.refused(this.file, ex, this.active.get());
			return;
		}
		this.refusal = null;
		if (next.version().equals(this.active.get().version())) {
			return; // e.g. the file was refused, then put back as it was
		}
		Policy previous = this.active.replace(next);
		this.lastSeen = fingerprint(next);
		this.listener.applied(previous, next);
	}

	/** A digest of the policy file and of the term files the given policy named (missing files digest as such). */
	private byte[] fingerprint(Policy policy) {
		List<byte[]> contents = new ArrayList<>();
		contents.add(read(this.file));
		policy.files().forEach(named -> contents.add(read(named)));
		return ContentHash.sha256(contents);
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
