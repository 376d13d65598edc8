package dev.commentmoderation.rules.bench;

import java.time.Instant;
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

import dev.commentmoderation.rules.Author;
import dev.commentmoderation.rules.Comment;
import dev.commentmoderation.rules.CommentModerator;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.Verdict;

/**
 * Time per {@link CommentModerator#moderate(Comment)} on a realistic ~1 KB comment (approved: no term hits,
 * so every rule runs to the end) with 10 and with 10,000 blocked terms. Run with
 * {@code ./mvnw -Pbenchmark test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CommentModeratorBenchmark {

	@Param({ "10", "10000" })
	public int terms;

	private CommentModerator moderator;

	private Comment comment;

	@Setup
	public void setUp() {
		List<String> blocked = new ArrayList<>(terms);
		for (int i = 0; i < terms; i++) {
			StringBuilder b = new StringBuilder("zq");
			int n = i;
			do {
				b.append((char) ('a' + n % 26));
				n /= 26;
			}
			while (n > 0);
			blocked.add(i % 10 == 0 ? "free " + b : b.toString());
		}
		moderator = new CommentModerator(RuleSettings.DEFAULTS.withBlockedTerms(blocked));
		comment = realisticComment();
	}

	/** The ~1 KB comment, approved by the default rules; the classifier's benchmark scores it too. */
	public static Comment realisticComment() {
		String content = """
				I've been following this story since the council first proposed the new cycle lanes, and I have \
				to say this article does a good job of explaining both sides. As someone who commutes by bike \
				every day, the current junction at Market Street is genuinely dangerous: last winter I saw two \
				near misses in a single week. That said, I understand the shop owners' worry about losing parking \
				spaces; several of them told me their customers are mostly older people who can't easily walk far. \
				Perhaps a compromise would be a short-stay loading bay at each end of the street? The report linked \
				from the council's website (https://council.example/reports/cycle-lanes-2026) mentions that \
				footfall actually rose by 12% in towns that did something similar. I'd be curious to hear from \
				anyone who lives near the proposed route — do you think the café owners' concerns are justified, \
				or is this the usual resistance to change? Either way, thanks for the balanced reporting. Résumé \
				of my view: more safety, fewer cars, but listen to the traders first. Cheers!""";
		Instant submitted = Instant.parse("2026-03-01T12:00:30Z");
		return new Comment("c-1", "p-1", "s-1", null,
				new Author("Jane Doe", "jane@example.com", "https://jane.example/", "203.0.113.7", "Mozilla/5.0"),
				content, submitted, submitted.minusSeconds(90), null);
	}

	@Benchmark
	public Verdict moderate() {
		return moderator.moderate(comment);
	}

}
