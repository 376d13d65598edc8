package dev.commentmoderation.rules;

import java.util.ArrayList;
import java.util.List;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Configured spam patterns: RE2 regular expressions (re2j), which run in time linear in the text, so no
 * pattern can backtrack catastrophically on hostile input. Compiled once. Immutable and thread-safe.
 */
public final class SpamPatterns {

	private final List<String> sources;

	private final List<Pattern> patterns;

	private SpamPatterns(List<String> sources, List<Pattern> patterns) {
		this.sources = sources;
		this.patterns = patterns;
	}

	/**
	 * Compiles every pattern.
	 * @throws IllegalArgumentException naming the first invalid pattern and why
	 */
	public static SpamPatterns compile(List<String> patterns) {
		List<Pattern> compiled = new ArrayList<>(patterns.size());
		for (String source : patterns) {
			String error = validatePattern(source);
			if (error != null) {
				throw new IllegalArgumentException("Invalid spam pattern \"" + source + "\": " + error);
			}
			compiled.add(Pattern.compile(source));
		}
		return new SpamPatterns(List.copyOf(patterns), List.copyOf(compiled));
	}

	/** Why {@code pattern} is not a valid RE2 expression, or null when it is valid. */
	public static String validatePattern(String pattern) {
		if (pattern == null || pattern.isEmpty()) {
			return "a spam pattern must not be empty";
		}
		try {
			Pattern.compile(pattern);
			return null;
		}
		catch (PatternSyntaxException ex) {
			return ex.getMessage();
		}
	}

	/** The first match of each pattern in {@code text}, in configuration order, offsets in code points. */
	public List<Match> find(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<Match> matches = new ArrayList<>();
		for (int i = 0; i < patterns.size(); i++) {
			Matcher matcher = patterns.get(i).matcher(text);
			if (matcher.find()) {
				int start = Text.codePointOffset(text, matcher.start());
				int end = start + text.codePointCount(matcher.start(), matcher.end());
				matches.add(Match.ofPattern(sources.get(i), start, end));
			}
		}
		return matches;
	}

}
