package dev.commentmoderation.rules;

/**
 * Where a blocked term or a spam pattern hit. {@code start} and {@code end} (exclusive) count Unicode code
 * points in the field's value as received. Exactly one of {@code term} and {@code pattern} is set.
 */
public record Match(String term, String pattern, int start, int end) {

	public static Match ofTerm(String term, int start, int end) {
		return new Match(term, null, start, end);
	}

	public static Match ofPattern(String pattern, int start, int end) {
		return new Match(null, pattern, start, end);
	}

}
