package dev.commentmoderation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies every rule to a comment and collects every reason, not only the first. Thread-safe and immutable:
 * build one per settings and share it.
 * <p>
 * Reasons come in rule order: required fields, email syntax, website, field lengths, link count, blocked
 * terms, spam patterns, honeypot, submission speed; within a rule, fields in the order name, email, website,
 * content.
 */
public final class CommentModerator {

	private final RuleSettings settings;

	private final List<ModerationRule> rules;

	/**
	 * Compiles the settings' blocked terms and spam patterns once.
	 * @throws IllegalArgumentException when a spam pattern is not a valid RE2 expression (the message names it)
	 */
	public CommentModerator(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.rules = List.of(new RequiredFields(), new EmailAddressCheck(), new WebsiteCheck(),
				new FieldLengths(settings), new LinkCounter(settings), new BlockedTerms(settings),
				new SpamPatternCheck(settings), new HoneypotCheck(), new SubmissionSpeedCheck(settings));
	}

	public RuleSettings settings() {
		return settings;
	}

	public Verdict moderate(Comment comment) {
		Objects.requireNonNull(comment, "comment");
		List<Reason> reasons = new ArrayList<>();
		for (ModerationRule rule : rules) {
			rule.check(comment, reasons);
		}
		return Verdict.of(reasons);
	}

}
