package dev.commentmoderation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies every stateless rule to a comment and collects every reason, not only the first. The decision of
 * {@link #moderate} is the one for an author who is not trusted, with no history (see {@link StatefulModerator}). Thread-safe and immutable:
 * build one per settings and share it.
 * <p>
 * Reasons come in rule order: required fields, email syntax, website, field lengths, link count, blocked
 * terms, held terms, spam patterns, honeypot, submission speed; within a rule, fields in the order name, email, website,
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
				new FieldLengths(settings), new LinkCounter(settings), TermListRule.blockedTerms(settings),
				TermListRule.heldTerms(settings), new SpamPatternCheck(settings), new HoneypotCheck(), new SubmissionSpeedCheck(settings));
	}

	public RuleSettings settings() {
		return settings;
	}

	public Verdict moderate(Comment comment) {
		Objects.requireNonNull(comment, "comment");
		return this.settings.actions().decide(reasons(comment), false);
	}

	/**
	 * Every reason the stateless rules find that counts (see {@link RuleActions#counts}), in rule order, without
	 * deciding.
	 */
	public List<Reason> reasons(Comment comment) {
		Objects.requireNonNull(comment, "comment");
		return reasons(comment, NormalizedContent.of(comment));
	}

	/**
	 * The same, folding the content through {@code content} (the comment's), which the caller shares with what else
	 * reads the content folded (the fingerprint, the classifier's features).
	 */
	public List<Reason> reasons(Comment comment, NormalizedContent content) {
		Objects.requireNonNull(comment, "comment");
		List<Reason> reasons = new ArrayList<>();
		for (ModerationRule rule : rules) {
			rule.check(comment, content, reasons);
		}
		RuleActions actions = this.settings.actions();
		reasons.removeIf(reason -> !actions.counts(reason.code()));
		return List.copyOf(reasons);
	}

	/** The action of each reason code. */
	public RuleActions actions() {
		return this.settings.actions();
	}

}
