package dev.commentmoderation.workbench;

import java.util.Set;

/**
 * An answer from one instance's local state, with the partitions it covers: a caller that fans out across
 * instances knows the answer is complete when the partitions of all answers are every partition exactly once.
 */
public record Partitioned<T>(T value, Set<Integer> partitions) {

	public Partitioned {
		partitions = Set.copyOf(partitions);
	}

}
