package dev.commentmoderation.rules;

/**
 * Why a comment was rejected or held. The names are part of the public event contract: never rename one.
 * <p>
 * DUPLICATE, FLOOD, MODERATOR_APPROVED, MODERATOR_REJECTED and REVIEW_EXPIRED come from the stateful stages of
 * the topology (author history and the moderator review loop), not from {@link CommentModerator}.
 */
public enum ReasonCode {

	CONTENT_REQUIRED, NAME_REQUIRED, EMAIL_REQUIRED, EMAIL_INVALID, URL_INVALID, FIELD_TOO_LONG, TOO_MANY_LINKS,
	BLOCKED_TERM, SPAM_PATTERN, HONEYPOT, SUBMITTED_TOO_FAST,
	/** A held term (moderation.rules.held-terms) was found: the comment is held for a moderator by default. */
	HELD_TERM,
	/** Same author, same post, same normalized content as an earlier comment. */
	DUPLICATE,
	/** Same author email or same IP within the flood interval of the previous comment. */
	FLOOD,
	/**
	 * The content has at least one link. Off by default (action SCORE, score 0): give it a score in a policy to
	 * count a link as a weak signal.
	 */
	LINK,
	/**
	 * The author has no approved comment yet. Off by default (action SCORE, score 0): give it a score in a policy
	 * to count a new author as a weak signal.
	 */
	NEW_AUTHOR,
	/** A moderator approved the comment (field "review"): a held one, or a correction. */
	MODERATOR_APPROVED,
	/** A moderator rejected the comment (field "review"): a held one, or a correction. */
	MODERATOR_REJECTED,
	/** No moderator reviewed the held comment within moderation.rules.held-retention (field "review"). */
	REVIEW_EXPIRED,
	/** A moderator banned the author (comments.author-actions BAN): rejected by default. */
	AUTHOR_BANNED,
	/**
	 * A moderator put the author under premoderation (comments.author-actions PREMODERATE): held by default, and
	 * not skipped for a trusted author.
	 */
	AUTHOR_PREMODERATED,
	/**
	 * The spam classifier gave the comment a spam probability at or above the site's hold threshold (held by
	 * default; rejected at or above its reject threshold), learned from moderators' verdicts.
	 */
	SPAM_CLASSIFIER

}
