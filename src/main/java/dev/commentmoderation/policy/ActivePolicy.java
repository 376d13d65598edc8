package dev.commentmoderation.policy;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The policy in force. Readers take it once per comment; a reload replaces it whole, so a comment is moderated by
 * one policy or the next, never a mix. Thread-safe.
 */
public final class ActivePolicy implements Supplier<Policy> {

	private final AtomicReference<Policy> current;

	public ActivePolicy(Policy initial) {
		this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
	}

	@Override
	public Policy get() {
		return this.current.get();
	}

	/** @return the policy it replaced */
	public Policy replace(Policy next) {
		return this.current.getAndSet(Objects.requireNonNull(next, "next"));
	}

}
