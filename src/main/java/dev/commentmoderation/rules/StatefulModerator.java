package dev.commentmoderation.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules that remember, over an {@link AuthorHistory}: DUPLICATE, FLOOD, NEW_AUTHOR and trusted authors, then
 * the decision. Plain Java: the stream calls it on the author's partition with history backed by state stores.
 * <p>
 * Idempotent resubmission (a commentId seen before) is handled before this class is called: the stored
 * decision is re-emitted and nothing here runs.
 */
public final class StatefulModerator {

	/** A comment as the stateful rules see it. */
	public record Submission(String commentId, String author, String fingerprint, Instant receivedAt,
			Instant previousFromIp) {
	}

	private final RuleActions actions;

	private final StatefulSettings settings;

	public StatefulModerator(RuleActions actions, StatefulSettings settings) {
		this.actions = Objects.requireNonNull(actions, "actions");
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	public StatefulSettings settings() {
		return this.settings;
	}

	public RuleActions actions() {
		return this.actions;
	}

	/**
	 * Adds DUPLICATE and FLOOD to the stateless reasons, decides (trusted authors skip hold rules), and records
	 * the comment in the history: its time (for flood), its fingerprint unless rejected (for duplicates), and
	 * the author's standing when the decision is final.
	 */
	public Verdict moderate(Submission submission, List<Reason> statelessReasons, AuthorHistory history) {
		return moderate(submission, statelessReasons, history, DecisionRules.of(this.actions, this.settings));
	}

	/**
	 * As {@link #moderate(Submission, List, AuthorHistory)}, with one site's decision rules (from the policy the
	 * comment was first read under) in place of this moderator's; adds NEW_AUTHOR when it counts.
	 */
	public Verdict moderate(Submission submission, List<Reason> statelessReasons, AuthorHistory history,
			DecisionRules rules) {
		return moderate(submission, statelessReasons, history, rules, null);
	}

	/**
	 * As {@link #moderate(Submission, List, AuthorHistory, DecisionRules)}, under a moderator's action on the author
	 * (null for none): BAN adds AUTHOR_BANNED, PREMODERATE adds AUTHOR_PREMODERATED and is never skipped as a
	 * trusted author's hold, TRUST makes the author trusted whatever their earned standing.
	 */
	public Verdict moderate(Submission submission, List<Reason> statelessReasons, AuthorHistory history,
			DecisionRules rules, AuthorAction action) {
		RuleActions actions = rules.actions();
		List<Reason> reasons = new ArrayList<>(statelessReasons);
		Instant at = submission.receivedAt();
		if (history.saidBefore(submission.fingerprint(), submission.commentId(),
				at.minus(this.settings.duplicateRetention()))) {
			reasons.add(new Reason(ReasonCode.DUPLICATE, "content",
					"Duplicate comment detected; it looks as though you've already said that!"));
		}
		Duration interval = rules.floodInterval();
		if (!interval.isZero()) {
			Optional<Instant> last = history.lastComment(submission.author(), at.minus(interval));
			if (last.isPresent() && within(last.get(), at, interval)) {
				reasons.add(flood("author.email"));
			}
			else if (submission.previousFromIp() != null && within(submission.previousFromIp(), at, interval)) {
				reasons.add(flood("author.ip"));
			}
		}
		AuthorStanding standing = history.standing(submission.author(),
				at.minus(this.settings.authorRetention()));
		if (standing.approved() == 0 && actions.counts(ReasonCode.NEW_AUTHOR)) {
			reasons.add(new Reason(ReasonCode.NEW_AUTHOR, "author.email",
					"Comments from authors new to this site are checked more closely."));
		}
		AuthorAction.Kind kind = (action != null && action.inForceAt(at)) ? action.kind() : null;
		if (kind == AuthorAction.Kind.BAN) {
			reasons.add(new Reason(ReasonCode.AUTHOR_BANNED, "author.email",
					"Comments from this author are not accepted on this site."));
		}
		else if (kind == AuthorAction.Kind.PREMODERATE) {
			reasons.add(new Reason(ReasonCode.AUTHOR_PREMODERATED, "author.email",
					"Comments from this author are checked by a moderator before they appear."));
		}
		boolean trusted = (kind == AuthorAction.Kind.TRUST)
				|| (kind != AuthorAction.Kind.PREMODERATE && standing.trusted(rules.trustedAuthorMinApproved()));
		Verdict verdict = actions.decide(reasons, trusted, rules.trustedAuthorHeldFor());
		history.commented(submission.author(), at);
		if (verdict.decision() != Decision.REJECTED) {
			history.said(submission.fingerprint(), submission.commentId(), at);
		}
		AuthorStanding after = standing.after(verdict.decision(), verdict.reasons());
		// written even when unchanged, so an active author's standing does not expire
		history.standing(submission.author(), after, at);
		return verdict;
	}

	/** Records a moderator's final decision (or an expired review) in the author's standing. */
	public void reviewed(String author, Decision decision, List<Reason> reasons, Instant at, AuthorHistory history) {
		AuthorStanding standing = history.standing(author, at.minus(this.settings.authorRetention()));
		history.standing(author, standing.after(decision, reasons), at);
	}

	/**
	 * Records a new outcome of one of the author's comments in their standing: a held comment's final decision, or
	 * a moderator's correction of a final one ({@code from} APPROVED or REJECTED).
	 */
	public void revised(String author, Decision from, Decision to, boolean spam, Instant at, AuthorHistory history) {
		AuthorStanding standing = history.standing(author, at.minus(this.settings.authorRetention()));
		history.standing(author, standing.revised(from, to, spam), at);
	}

	/** A RESET: the author's earned standing starts again from nothing. */
	public void reset(String author, Instant at, AuthorHistory history) {
		history.standing(author, AuthorStanding.NEW, at);
	}

	private static boolean within(Instant previous, Instant now, Duration interval) {
		return !previous.isAfter(now) && Duration.between(previous, now).compareTo(interval) < 0;
	}

	private static Reason flood(String field) {
		return new Reason(ReasonCode.FLOOD, field,
				"You are posting comments too quickly. Slow down, and try again in a little while.");
	}

	/** The reason a moderator's verdict adds to the automatic reasons of the comment. */
	public static Reason moderatorReason(Decision decision, String moderator, String note) {
		boolean approved = decision == Decision.APPROVED;
		String message = (note != null && !note.isBlank()) ? note
				: approved ? "A moderator approved this comment." : "A moderator rejected this comment.";
		return new Reason(approved ? ReasonCode.MODERATOR_APPROVED : ReasonCode.MODERATOR_REJECTED, "review",
				message);
	}

	public static Reason reviewExpired(Duration heldRetention) {
		return new Reason(ReasonCode.REVIEW_EXPIRED, "review",
				"No moderator reviewed this comment within " + heldRetention + ".");
	}

}
