package dev.commentmoderation.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ahocorasick.trie.Trie;

/**
 * Finds configured terms as whole words in a text, however trivially disguised (see {@link TextNormalizer}) and
 * whatever markup it carries (see {@link MarkupText}). Built once: one Aho-Corasick automaton over every
 * normalized term, so a scan costs time proportional to the text (plus the hits), not to the number of terms.
 * <p>
 * The text is searched as written and, when it has markup, as an HTML5 tokenizer reads it (tags and comments
 * removed, entities decoded) and in its link targets: {@code stuck <b>half</b>way}, {@code cas&#105;no} and
 * {@code <a href="http://example.com/spam/">} hold "halfway", "casino" and "/spam/". Offsets always point into the
 * text as received: a hit read through markup covers the markup inside it.
 * <p>
 * A hit counts only as a whole word, at those of its edges that are a letter or a digit: there the code point
 * next to it outside the hit (skipping invisible characters) must not continue the word, by the script-aware
 * rules of {@link WordBoundaries}. So "ass" never hits "assessment" and "cialis" never hits "specialist", while
 * "赌场" is found in running Chinese and "/spam/" (punctuation at both edges) wherever it stands. Combining marks
 * right after a hit are included in it. Whitespace runs in the text match one space in a multi-word term. Blank
 * terms are ignored; terms that normalize alike are reported under the first one configured. Immutable and
 * thread-safe.
 */
public final class TermMatcher {

	private final Trie trie;

	private final TermShape shape;

	/** normalized term -> term as configured */
	private final Map<String, String> configured;

	/** term as configured -> its position in the configuration */
	private final Map<String, Integer> order;

	public TermMatcher(Collection<String> terms) {
		Map<String, String> byNormalized = new LinkedHashMap<>();
		for (String term : terms) {
			String normalized = TextNormalizer.normalizeTerm(term);
			if (!normalized.isEmpty()) {
				byNormalized.putIfAbsent(normalized, term);
			}
		}
		this.configured = Map.copyOf(byNormalized);
		Map<String, Integer> positions = new LinkedHashMap<>();
		byNormalized.values().forEach(t -> positions.putIfAbsent(t, positions.size()));
		this.order = Map.copyOf(positions);
		this.trie = Trie.builder().addKeywords(byNormalized.keySet()).build();
		this.shape = new TermShape(byNormalized.keySet());
	}

	/** The number of distinct normalized terms. */
	public int size() {
		return configured.size();
	}

	/**
	 * The first whole-word occurrence of each term in {@code text}, ordered by start offset (then by
	 * configuration order), offsets in code points of {@code text}, end exclusive.
	 */
	public List<Match> find(String text) {
		return find(text, null);
	}

	/**
	 * The same, folding through {@code content} (may be null), so a text that is a comment's content, or starts with
	 * it, is not folded again.
	 */
	List<Match> find(String text, NormalizedContent content) {
		if (configured.isEmpty() || text == null || text.isEmpty()) {
			return List.of();
		}
		MarkupText views = MarkupText.of(text, shape);
		NormalizedText normalized = (content == null) ? TextNormalizer.normalize(views.text())
				: content.normalize(views.text());
		Map<String, Match> found = new LinkedHashMap<>();
		trie.parseText(normalized.normalized(), emit -> {
			String keyword = emit.getKeyword();
			Match match = wholeWord(normalized, views, keyword, emit.getStart(), emit.getEnd() + 1);
			if (match != null) {
				// the same word may be found as written and as read through markup: keep the earliest
				found.merge(keyword, match, (a, b) -> (b.start() < a.start()) ? b : a);
				return true;
			}
			return false;
		});
		List<Match> matches = new ArrayList<>(found.values());
		matches.sort(Comparator.comparingInt(Match::start)
			.thenComparingInt(m -> order.get(m.term())));
		return List.copyOf(matches);
	}

	private Match wholeWord(NormalizedText text, MarkupText views, String keyword, int start, int end) {
		if (!text.isAligned(start, end)) {
			return null;
		}
		int[] cps = text.originalCodePoints();
		int first = text.originOf(start);
		int last = text.originOf(end - 1);
		int originEnd = last + 1;
		int after = originEnd;
		while (after < cps.length && (Text.isMark(cps[after]) || Text.isIgnorable(cps[after]))) {
			if (Text.isMark(cps[after])) {
				originEnd = after + 1;
			}
			after++;
		}
		if (isWordEdge(keyword.codePointBefore(keyword.length())) && after < cps.length
				&& Text.isWordChar(cps[after])
				&& !WordBoundaries.between(cps, after, cps[last], cps[after], true)) {
			return null;
		}
		int before = first - 1;
		while (before >= 0 && Text.isIgnorable(cps[before])) {
			before--;
		}
		if (isWordEdge(keyword.codePointAt(0)) && before >= 0 && Text.isWordChar(cps[before])
				&& !WordBoundaries.between(cps, first, cps[first], cps[before], false)) {
			return null;
		}
		return Match.ofTerm(configured.get(keyword), views.originOf(first), views.originEndOf(originEnd - 1));
	}

	/** Whether a term's first or last character needs a word boundary next to it: a letter or a digit does. */
	private static boolean isWordEdge(int cp) {
		return Text.isWordChar(cp);
	}

}
