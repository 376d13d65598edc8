package dev.commentmoderation.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown file, read the way a reader on GitHub sees it: links and headings outside code, commands inside
 * code. Just enough Markdown for the project's own docs (fenced blocks, inline code spans, inline links).
 */
record MarkdownDocument(Path file, String text) {

	private static final Pattern FENCE = Pattern.compile("(?ms)^```[^\\n]*\\n(.*?)^```[ \\t]*$");

	private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *#*$");

	static MarkdownDocument read(Path file) {
		try {
			return new MarkdownDocument(file, Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text without fenced code blocks, where a {@code ](x)} or a {@code #} is code, not Markdown. */
	String prose() {
		return FENCE.matcher(this.text).replaceAll("");
	}

	/** Link targets of inline links outside code, as written ({@code ../contract/x.json#y}). */
	List<String> links() {
		List<String> links = new ArrayList<>();
		Matcher matcher = LINK.matcher(INLINE_CODE.matcher(prose()).replaceAll(""));
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		return links;
	}

	/** Relative link targets: not a URL, not a mail address. */
	List<String> relativeLinks() {
		return links().stream().filter((link) -> !link.matches("(?i)[a-z][a-z0-9+.-]*:.*")).toList();
	}

	/**
	 * The anchors GitHub gives the headings: lower case, punctuation dropped (letters, digits, {@code -} and
	 * {@code _} kept), spaces as {@code -}, and {@code -1}, {@code -2}... for repeats.
	 */
	Set<String> anchors() {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		Matcher matcher = HEADING.matcher(prose());
		while (matcher.find()) {
			String slug = matcher.group(1)
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
				.replace(' ', '-');
			int count = seen.merge(slug, 1, Integer::sum);
			anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
		}
		return anchors;
	}

	/**
	 * Everything a reader may copy and run or look up: the lines of fenced blocks and the inline code spans,
	 * with shell line continuations joined.
	 */
	List<String> codeSnippets() {
		List<String> snippets = new ArrayList<>();
		Matcher fence = FENCE.matcher(this.text);
		while (fence.find()) {
			snippets.addAll(List.of(fence.group(1).replaceAll("\\\\\\n\\s*", " ").split("\\n")));
		}
		Matcher inline = INLINE_CODE.matcher(prose());
		while (inline.find()) {
			snippets.add(inline.group(1).replaceAll("\\s*\\n\\s*", " "));
		}
		return snippets;
	}

}
