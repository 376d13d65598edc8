package dev.commentmoderation.rules.bench;

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

import dev.commentmoderation.rules.Match;
import dev.commentmoderation.rules.TermMatcher;

/**
 * The term check ({@link TermMatcher#find(String)}) on a ~1 KB comment with markup (paragraphs, emphasis, a link,
 * entities) against the same comment as plain text (its text, tags removed and entities decoded), with 10 and
 * with 10,000 terms; no term hits. Compare the two as a ratio. Run with
 * {@code ./mvnw -Pbenchmark test-compile exec:exec -Djmh.include=TermMarkupBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TermMarkupBenchmark {

	static final String WITH_MARKUP = """
			<p>I've been following this story since the council first proposed the new cycle lanes, and I have \
			to say this article does a <em>good job</em> of explaining both sides.</p><p>As someone who commutes by \
			bike every day, the current junction at <b>Market Street</b> is genuinely dangerous: last winter I saw two \
			near misses in a single week. That said, I understand the shop owners&rsquo; worry about losing parking \
			spaces; several of them told me their customers are mostly older people who can&#39;t easily walk far.</p>\
			<p>Perhaps a compromise would be a short-stay loading bay at each end of the street? The \
			<a href="https://council.example/reports/cycle-lanes-2026">council&#39;s report</a> mentions that \
			footfall actually rose by 12% in towns that did something similar. I&#39;d be curious to hear from \
			anyone who lives near the proposed route &mdash; do you think the caf&eacute; owners&rsquo; concerns are \
			justified, or is this the usual resistance to change?</p><p>Either way, thanks for the <i>balanced</i> \
			reporting. R&eacute;sum&eacute;: more safety, fewer cars, but listen to the traders first. Cheers!</p>""";

	static final String PLAIN = """
			I've been following this story since the council first proposed the new cycle lanes, and I have \
			to say this article does a good job of explaining both sides. As someone who commutes by \
			bike every day, the current junction at Market Street is genuinely dangerous: last winter I saw two \
			near misses in a single week. That said, I understand the shop owners’ worry about losing parking \
			spaces; several of them told me their customers are mostly older people who can't easily walk far. \
			Perhaps a compromise would be a short-stay loading bay at each end of the street? The \
			council's report (https://council.example/reports/cycle-lanes-2026) mentions that \
			footfall actually rose by 12% in towns that did something similar. I'd be curious to hear from \
			anyone who lives near the proposed route — do you think the café owners’ concerns are \
			justified, or is this the usual resistance to change? Either way, thanks for the balanced \
			reporting. Résumé: more safety, fewer cars, but listen to the traders first. Cheers!""";

	@Param({ "10", "10000" })
	public int terms;

	private TermMatcher matcher;

	@Setup
	public void setUp() {
		List<String> list = new ArrayList<>(terms);
		for (int i = 0; i < terms; i++) {
			StringBuilder b = new StringBuilder("zq");
			int n = i;
			do {
				b.append((char) ('a' + n % 26));
				n /= 26;
			}
			while (n > 0);
			list.add(i % 10 == 0 ? "free " + b : b.toString());
		}
		matcher = new TermMatcher(list);
	}

	@Benchmark
	public List<Match> plain() {
		return matcher.find(PLAIN);
	}

	@Benchmark
	public List<Match> withMarkup() {
		return matcher.find(WITH_MARKUP);
	}

}
