package dev.commentmoderation.rules;

/**
 * One reason a comment was rejected. {@code field} is the JSON path of the offending field in the submitted
 * event ({@code content}, {@code author.email}, ...); {@code message} is plain text a site may show the
 * commenter; {@code match} is null for reasons that are not a term or pattern hit.
 */
public record Reason(ReasonCode code, String field, String message, Match match) {

	public Reason(ReasonCode code, String field, String message) {
		this(code, field, message, null);
	}

}
