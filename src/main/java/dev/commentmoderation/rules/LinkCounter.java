package dev.commentmoderation.rules;

import java.util.List;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Counts links in the content: LINK when there is one or more (a weak signal, off unless a policy scores it),
 * TOO_MANY_LINKS for more than {@link RuleSettings#maxLinks()} ({@code 0}: no link at all). A link is an occurrence, case-insensitive, of {@code http://}, {@code https://} or {@code www.};
 * a {@code www.} right after {@code http://} or {@code https://} belongs to that same link, so
 * "https://www.example.com" counts once. Occurrences are counted without overlap, left to right, in the
 * scanned prefix of the content (see {@link Text#scanWindow}).
 */
public final class LinkCounter implements ModerationRule {

	private static final Pattern LINK = Pattern.compile("(?i)https?://(?:www\\.)?|www\\.");

	private final RuleSettings settings;

	LinkCounter(RuleSettings settings) {
		this.settings = settings;
	}

	/** The number of links in {@code text} by the rule above. */
	public static int count(String text) {
		if (text == null) {
			return 0;
		}
		Matcher matcher = LINK.matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	@Override
	public void check(Comment comment, List<Reason> reasons) {
		String content = comment.content();
		if (content == null) {
			return;
		}
		int links = count(Text.scanWindow(content, settings.maxContentBytes()));
		if (links > 0) {
			reasons.add(new Reason(ReasonCode.LINK, Field.CONTENT.path(), "Your comment contains a link."));
		}
		int max = settings.maxLinks();
		if (links > max) {
			String message = max <= 0 ? "Links are not allowed in comments here. Please remove them."
					: "Your comment contains too many links. Please include at most " + max
							+ (max == 1 ? " link." : " links.");
			reasons.add(new Reason(ReasonCode.TOO_MANY_LINKS, Field.CONTENT.path(), message));
		}
	}

}
