package dev.commentmoderation.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ahocorasick.trie.Trie;

/**
 * Finds configured terms as whole words in a text, however trivially disguised (see {@link TextNormalizer}).
 * Built once: one Aho-Corasick automaton over every normalized term, so a scan costs time proportional to the
 * text (plus the hits), not to the number of terms.
 * <p>
 * A hit counts only as a whole word: the code point before it and the code point after it in the original
 * text (skipping invisible characters) must not be a letter, a digit or a combining mark, so "ass" never hits
 * "assessment" and "cialis" never hits "specialist". Combining marks right after a hit are included in it.
 * Whitespace runs in the text match one space in a multi-word term. Blank terms are ignored; terms that
 * normalize alike are reported under the first one configured. Immutable and thread-safe.
 */
public final class TermMatcher {

	private final Trie trie;

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
		if (configured.isEmpty() || text == null || text.isEmpty()) {
			return List.of();
		}
		NormalizedText normalized = TextNormalizer.normalize(text);
		Map<String, Match> found = new LinkedHashMap<>();
		trie.parseText(normalized.normalized(), emit -> {
			String keyword = emit.getKeyword();
			if (found.containsKey(keyword)) {
				return false;
			}
			Match match = wholeWord(normalized, keyword, emit.getStart(), emit.getEnd() + 1);
			if (match != null) {
				found.put(keyword, match);
				return true;
			}
			return false;
		});
		List<Match> matches = new ArrayList<>(found.values());
		matches.sort(Comparator.comparingInt(Match::start)
			.thenComparingInt(m -> order.get(m.term())));
		return List.copyOf(matches);
	}

	private Match wholeWord(NormalizedText text, String keyword, int start, int end) {
		if (!text.isAligned(start, end)) {
			return null;
		}
		int[] cps = text.originalCodePoints();
		int originStart = text.originOf(start);
		int originEnd = text.originOf(end - 1) + 1;
		int after = originEnd;
		while (after < cps.length && (Text.isMark(cps[after]) || Text.isIgnorable(cps[after]))) {
			if (Text.isMark(cps[after])) {
				originEnd = after + 1;
			}
			after++;
		}
		if (after < cps.length && Text.isWordChar(cps[after])) {
			return null;
		}
		int before = originStart - 1;
		while (before >= 0 && Text.isIgnorable(cps[before])) {
			before--;
		}
		if (before >= 0 && Text.isWordChar(cps[before])) {
			return null;
		}
		return Match.ofTerm(configured.get(keyword), originStart, originEnd);
	}

}
