package dev.commentmoderation.policy;

import java.util.List;

/** A policy that cannot be used, with every problem found, each naming where it is (e.g. {@code sites.a.max-links}). */
public final class PolicyException extends RuntimeException {

	private final List<String> problems;

	public PolicyException(String source, List<String> problems) {
		super(source + " is not a valid moderation policy (" + problems.size() + " problem"
				+ (problems.size() == 1 ? "" : "s") + "): " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
