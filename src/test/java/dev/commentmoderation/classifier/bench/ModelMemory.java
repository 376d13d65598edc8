package dev.commentmoderation.classifier.bench;

import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.classifier.InMemoryModel;
import dev.commentmoderation.rules.bench.CommentModeratorBenchmark;

/**
 * Heap held by the benchmark's 100,000-token model: used heap after full GCs, with the model minus without it.
 * Run with {@code java -XX:+UseSerialGC -cp target/classes:target/test-classes:$(test class path) \
 * dev.commentmoderation.classifier.bench.ModelMemory [tokens]}.
 */
public final class ModelMemory {

	public static void main(String[] args) {
		int size = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		long before = usedAfterGc();
		InMemoryModel model = SpamClassifierBenchmark.model(size, CommentModeratorBenchmark.realisticComment(),
				ClassifierSettings.DEFAULTS);
		long after = usedAfterGc();
		System.out.printf("%d tokens: %.1f MB, %.0f bytes per token%n", model.size(), (after - before) / 1e6,
				(after - before) / (double) model.size());
		System.out.println(model.version());
	}

	private static long usedAfterGc() {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 4; i++) {
			System.gc();
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
