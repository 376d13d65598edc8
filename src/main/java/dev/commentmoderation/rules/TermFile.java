package dev.commentmoderation.rules;

import java.util.List;

/**
 * The format of a term file ({@code moderation.rules.blocked-terms-file}, a policy's {@code blocked-terms-file}, ...):
 * one term a line, stripped; blank lines and lines starting with '#' are ignored.
 */
public final class TermFile {

	private TermFile() {
	}

	public static List<String> terms(String text) {
		return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
	}

}
