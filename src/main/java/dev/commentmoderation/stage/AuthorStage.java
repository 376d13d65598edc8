package dev.commentmoderation.stage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.policy.Policy;
import dev.commentmoderation.rules.AuthorAction;
import dev.commentmoderation.rules.AuthorHistory;
import dev.commentmoderation.rules.AuthorStanding;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.StatefulModerator;
import dev.commentmoderation.rules.StatefulSettings;
import dev.commentmoderation.rules.Verdict;

/**
 * The author stage, on the author's partition: idempotent resubmission (a commentId decided within the decision
 * retention gets the same decision again), then DUPLICATE, FLOOD, NEW_AUTHOR, moderators' actions and trusted
 * authors, and the decision. It keeps one {@link AuthorRecord} per author (read once and written once per comment),
 * each decision by commentId for resubmissions, each author's comments for their history, and the actions
 * moderators took on authors. Moderators' later outcomes of a comment and their actions on authors come back here.
 */
public final class AuthorStage {

	/** The stores of the author stage. */
	public record State(Store<String, AuthorRecord> authors, TimedStore<StoredDecision> decisions,
			Store<String, StoredAction> actions, TimedStore<AuthorComment> authorComments) {
	}

	/** What became of a comment. */
	public sealed interface Result permits Resubmitted, Decided {
	}

	/** The comment was decided before: its stored decision, to emit again. */
	public record Resubmitted(StoredDecision decision) implements Result {
	}

	/**
	 * Decided now: the verdict, the decision as written ({@code json}), and what the review stage keeps of it.
	 *
	 * @param site the policy site that decided it
	 */
	public record Decided(Verdict verdict, byte[] json, CommentStatus status, String site) implements Result {
	}

	private final StatefulModerator moderator;

	private final DecisionWriter writer;

	private final Clock clock;

	/** The rules of a comment read before policies existed: the service's defaults. */
	private final DecisionRules serviceDefaults;

	public AuthorStage(StatefulSettings settings, DecisionWriter writer, Clock clock) {
		this.moderator = new StatefulModerator(RuleActions.DEFAULTS, settings);
		this.serviceDefaults = DecisionRules.of(RuleActions.DEFAULTS, settings);
		this.writer = writer;
		this.clock = clock;
	}

	/**
	 * @param previousFromIp when the comment's IP last commented within its flood interval (the IP stage), or null
	 * @param timestamp the comment's record time, epoch ms: the time its state is kept at
	 */
	public Result moderate(PendingComment comment, Instant previousFromIp, long timestamp, State state) {
		StatefulSettings settings = this.moderator.settings();
		StoredDecision earlier = state.decisions()
			.latest(comment.commentId(), timestamp - settings.decisionRetention().toMillis());
		if (earlier != null) {
			return new Resubmitted(earlier);
		}
		Instant at = Instant.ofEpochMilli(timestamp);
		DecisionRules rules = (comment.decisionRules() != null) ? comment.decisionRules() : this.serviceDefaults;
		String policyVersion = comment.policyVersion();
		String site = (comment.policySite() != null) ? comment.policySite() : Policy.DEFAULT_SITE;
		RecordHistory history = new RecordHistory(comment.author(), state);
		StoredAction action = state.actions().get(comment.author());
		AuthorStanding standing = history.standing(comment.author(), at.minus(settings.authorRetention()));
		Verdict verdict = this.moderator.moderate(
				new StatefulModerator.Submission(comment.commentId(), comment.author(), comment.fingerprint(), at,
						previousFromIp),
				comment.reasons(), history, rules, (action != null) ? action.toAction() : null);
		history.save();
		Instant moderatedAt = this.clock.instant();
		byte[] json = this.writer.write(comment.commentId(), comment.postId(), comment.siteId(), verdict,
				policyVersion, moderatedAt, comment.receivedJson(), 1, null, comment.classification());
		state.decisions()
			.put(comment.commentId(),
					new StoredDecision(verdict.decision(), new String(json, StandardCharsets.UTF_8)), timestamp);
		state.authorComments()
			.put(comment.author(), new AuthorComment(comment.commentId(), comment.siteId(), comment.postId(),
					verdict.decision(), 1), timestamp);
		CommentStatus status = new CommentStatus(comment.commentId(), comment.author(), verdict.decision(),
				comment.postId(), comment.siteId(), verdict.reasons(), comment.receivedJson(),
				(verdict.decision() == Decision.HELD) ? moderatedAt.toEpochMilli() : 0L, timestamp, policyVersion,
				verdict.score(), moderatedAt.toString(), StoredStanding.of(standing), action,
				comment.classification());
		return new Decided(verdict, json, status, site);
	}

	/**
	 * A new outcome of one of the author's comments (a held comment's final decision, or a correction): the stored
	 * decision (emitted again on resubmission), the author's standing and history.
	 */
	public void reviewed(FinalDecision decision, long timestamp, State state) {
		state.decisions()
			.put(decision.commentId(), new StoredDecision(decision.decision(), decision.json()), timestamp);
		Instant at = Instant.ofEpochMilli(timestamp);
		RecordHistory history = new RecordHistory(decision.author(), state);
		if (decision.previous() == null) {
			// from a version before revisions: a held comment's final decision, its spam read from the reasons
			this.moderator.reviewed(decision.author(), decision.decision(), decision.reasons(), at, history);
		}
		else {
			this.moderator.revised(decision.author(), decision.previous(), decision.decision(), decision.spam(), at,
					history);
		}
		history.save();
		if (decision.revision() > 0) {
			state.authorComments()
				.put(decision.author(), new AuthorComment(decision.commentId(), decision.siteId(), decision.postId(),
						decision.decision(), decision.revision()), Math.max(0L, decision.decidedTimestamp()));
		}
	}

	/**
	 * A moderator's action on an author: in force for every comment this stage reads after it (RESET clears it and
	 * the author's earned standing).
	 */
	public void act(ActionRequest request, long timestamp, State state) {
		if (request.action().kind() == AuthorAction.Kind.RESET) {
			state.actions().delete(request.author());
			RecordHistory history = new RecordHistory(request.author(), state);
			this.moderator.reset(request.author(), Instant.ofEpochMilli(timestamp), history);
			history.save();
		}
		else {
			state.actions().put(request.author(), request.action());
		}
	}

	/** Whether nothing in the record is recent enough to matter at stream time {@code now}: it can be deleted. */
	public boolean expired(AuthorRecord record, long now) {
		StatefulSettings settings = this.moderator.settings();
		long longest = Math.max(settings.authorRetention().toMillis(), settings.duplicateRetention().toMillis());
		return record.lastActiveAt() < now - longest;
	}

	/** The rules' view of one author's record: read on first use, written back once by {@link #save()}. */
	private final class RecordHistory implements AuthorHistory {

		private final String author;

		private final State state;

		private AuthorRecord read;

		private AuthorRecord record;

		RecordHistory(String author, State state) {
			this.author = author;
			this.state = state;
		}

		private AuthorRecord record(String author) {
			if (!author.equals(this.author)) {
				throw new IllegalArgumentException("This history holds one author's record only");
			}
			if (this.record == null) {
				this.read = this.state.authors().get(author);
				this.record = (this.read != null) ? this.read : AuthorRecord.NEW;
			}
			return this.record;
		}

		void save() {
			if (this.record != null && this.record != this.read) {
				this.state.authors().put(this.author, this.record);
			}
		}

		@Override
		public Optional<Instant> lastComment(String author, Instant since) {
			Long at = record(author).lastCommentAt();
			return (at != null && at >= since.toEpochMilli()) ? Optional.of(Instant.ofEpochMilli(at))
					: Optional.empty();
		}

		@Override
		public boolean saidBefore(String fingerprint, String commentId, Instant since) {
			AuthorRecord.Said latest = record(this.author).latestSaid(AuthorRecord.fingerprintHash(fingerprint),
					since.toEpochMilli());
			return latest != null && latest.c() != commentId.hashCode();
		}

		@Override
		public AuthorStanding standing(String author, Instant since) {
			AuthorRecord record = record(author);
			return (record.standingAt() != null && record.standingAt() >= since.toEpochMilli()) ? record.standing()
					: AuthorStanding.NEW;
		}

		@Override
		public void commented(String author, Instant at) {
			this.record = record(author).withLastComment(at.toEpochMilli());
		}

		@Override
		public void said(String fingerprint, String commentId, Instant at) {
			long keepSince = at.toEpochMilli() - AuthorStage.this.moderator.settings().duplicateRetention().toMillis();
			this.record = record(this.author).withSaid(AuthorRecord.fingerprintHash(fingerprint), commentId.hashCode(),
					at.toEpochMilli(), keepSince);
		}

		@Override
		public void standing(String author, AuthorStanding standing, Instant at) {
			this.record = record(author).withStanding(standing, at.toEpochMilli());
		}

	}

}
