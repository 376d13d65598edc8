package dev.commentmoderation.classifier.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.classifier.Features;
import dev.commentmoderation.classifier.InMemoryModel;
import dev.commentmoderation.classifier.Label;
import dev.commentmoderation.classifier.ModelSelector;
import dev.commentmoderation.classifier.SpamClassifier;
import dev.commentmoderation.rules.Comment;
import dev.commentmoderation.rules.bench.CommentModeratorBenchmark;

/**
 * Time to score the ~1 KB comment of {@link CommentModeratorBenchmark} (features and classification), with a model
 * that has the minimum labels but no token ({@code tokens = 0}) and with a 100,000-token model that holds every
 * token of the comment. Run beside the rules' own figure with
 * {@code ./mvnw -Pbenchmark test-compile exec:exec -Djmh.include='(CommentModeratorBenchmark|SpamClassifierBenchmark)'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SpamClassifierBenchmark {

	@Param({ "0", "100000" })
	public int tokens;

	private final ClassifierSettings settings = ClassifierSettings.DEFAULTS;

	private InMemoryModel model;

	private Comment comment;

	@Setup
	public void setUp() {
		this.comment = CommentModeratorBenchmark.realisticComment();
		this.model = model(this.tokens, this.comment, this.settings);
	}

	/**
	 * The minimum labels of each kind; with {@code size > 0}, the comment's own tokens learned in some of them (so
	 * every lookup hits and every token is a clue) and filler tokens up to {@code size}.
	 */
	static InMemoryModel model(int size, Comment comment, ClassifierSettings settings) {
		InMemoryModel model = new InMemoryModel(ModelSelector.SHARED, Math.max(size, 1) + 1000);
		List<String> own = Features.of(comment).texts();
		int labels = settings.minSpamLabels();
		List<String> filler = new ArrayList<>();
		for (int i = 0; i < labels; i++) {
			for (Label label : Label.values()) {
				filler.clear();
				if (size > 0) {
					for (int k = 0; filler.size() < (size - own.size()) / labels / 2 + 1; k++) {
						filler.add("w:filler" + i + "x" + k + label);
					}
					if (i % ((label == Label.SPAM) ? 3 : 2) == 0) {
						filler.addAll(own);
					}
				}
				model.learn(filler, label);
			}
		}
		return model;
	}

	@Benchmark
	public Classification classify() {
		return SpamClassifier.classify(Features.of(this.comment), this.model, this.settings);
	}

}
