package dev.commentmoderation.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import dev.commentmoderation.stage.*;
import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.DecisionWriter;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.rules.AuthorAction;
import dev.commentmoderation.rules.AuthorHistory;
import dev.commentmoderation.rules.AuthorStanding;
import dev.commentmoderation.policy.Policy;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.StatefulModerator;
import dev.commentmoderation.rules.Verdict;

/**
 * Stage 3, on the author's partition (repartitions {@code comments-by-author} and {@code reviews-by-author},
 * both keyed by normalized author email): idempotent resubmission, duplicates, email flood, trusted authors,
 * and the decision. Every store is a window store, so every remembered item expires with its retention
 * (segments are dropped as stream time passes; lookups ignore anything older than the retention).
 */
final class AuthorProcessor extends ContextualProcessor<byte[], byte[], byte[], Route> {

	private final StatefulModerator moderator;

	private final DecisionWriter writer;

	private final ModerationListener listener;

	private final Clock clock;

	private CarriedRules lastRules;

	private DecisionRules lastDecisionRules;

	private WindowStore<String, byte[]> decisions;

	private WindowStore<String, String> lastComment;

	private WindowStore<String, String> fingerprints;

	private WindowStore<String, byte[]> standings;

	private KeyValueStore<String, byte[]> actions;

	private WindowStore<String, byte[]> authorComments;

	AuthorProcessor(StatefulModerator moderator, DecisionWriter writer, ModerationListener listener, Clock clock) {
		this.moderator = moderator;
		this.writer = writer;
		this.listener = listener;
		this.clock = clock;
	}

	@Override
	public void init(ProcessorContext<byte[], Route> context) {
		super.init(context);
		this.decisions = context.getStateStore(ModerationTopology.DECISIONS);
		this.lastComment = context.getStateStore(ModerationTopology.AUTHOR_LAST_COMMENT);
		this.fingerprints = context.getStateStore(ModerationTopology.COMMENT_FINGERPRINTS);
		this.standings = context.getStateStore(ModerationTopology.AUTHOR_STANDING);
		this.actions = context.getStateStore(ModerationTopology.AUTHOR_ACTIONS);
		this.authorComments = context.getStateStore(ModerationTopology.AUTHOR_COMMENTS);
	}

	@Override
	public void process(Record<byte[], byte[]> record) {
		ToAuthor message = StateCodec.read(record.value(), ToAuthor.class);
		if (message.comment() != null) {
			try {
				moderate(record, message.comment());
			}
			catch (RuntimeException ex) {
				deadLetter(record, message.comment(), ex);
			}
		}
		else if (message.reviewed() != null) {
			reviewed(record, message.reviewed());
		}
		else if (message.action() != null) {
			act(record, message.action());
		}
	}

	private void moderate(Record<byte[], byte[]> record, PendingComment comment) {
		long started = System.nanoTime();
		long now = record.timestamp();
		byte[] commentKey = ModerateCommentProcessor.utf8(comment.commentId());
		Optional<StoredDecision> earlier = latest(this.decisions, comment.commentId(),
				now - this.moderator.settings().decisionRetention().toMillis())
			.map(bytes -> StateCodec.read(bytes, StoredDecision.class));
		if (earlier.isPresent()) {
			StoredDecision stored = earlier.get();
			context().forward(record.withKey(commentKey)
				.withValue(new Route(destination(stored.decision()), ModerateCommentProcessor.utf8(stored.json()))));
			this.listener.resubmitted(comment.commentId(), stored.decision());
			return;
		}
		StatefulModerator.Submission submission = new StatefulModerator.Submission(comment.commentId(),
				comment.author(), comment.fingerprint(), Instant.ofEpochMilli(now),
				(comment.previousFromIp() != null) ? Instant.ofEpochMilli(comment.previousFromIp()) : null);
		CarriedRules rules = comment.rules();
		DecisionRules decisionRules = decisionRules(rules);
		String policyVersion = (rules != null) ? rules.policyVersion() : null;
		String site = (rules != null) ? rules.site() : Policy.DEFAULT_SITE;
		StoreHistory history = new StoreHistory();
		StoredAction action = action(comment.author());
		AuthorStanding standing = history.standing(comment.author(),
				submission.receivedAt().minus(this.moderator.settings().authorRetention()));
		Verdict verdict = this.moderator.moderate(submission, comment.reasons(), history, decisionRules,
				(action != null) ? action.toAction() : null);
		Instant moderatedAt = this.clock.instant();
		byte[] json = this.writer.write(comment.commentId(), comment.postId(), comment.siteId(), verdict,
				policyVersion, moderatedAt, comment.receivedJson(), 1, null, comment.classification());
		String jsonText = new String(json, java.nio.charset.StandardCharsets.UTF_8);
		this.decisions.put(comment.commentId(),
				StateCodec.write(new StoredDecision(verdict.decision(), jsonText)), now);
		context().forward(record.withKey(commentKey).withValue(new Route(destination(verdict.decision()), json)));
		CommentStatus status = new CommentStatus(comment.commentId(), comment.author(),
				verdict.decision(), comment.postId(), comment.siteId(), verdict.reasons(), comment.receivedJson(),
				(verdict.decision() == Decision.HELD) ? moderatedAt.toEpochMilli() : 0L, now, policyVersion,
				verdict.score(), moderatedAt.toString(), StoredStanding.of(standing), action,
				comment.classification());
		this.authorComments.put(comment.author(), StateCodec.write(new AuthorComment(comment.commentId(),
				comment.siteId(), comment.postId(), verdict.decision(), 1)), now);
		context().forward(record.withKey(commentKey)
			.withValue(new Route(Route.Destination.TO_COMMENT, StateCodec.write(new ToComment(status, null)))));
		this.listener.decided(comment.commentId(), site, verdict, Duration.ofNanos(System.nanoTime() - started));
		this.listener.decisionLatency(ModerateCommentProcessor.sinceSubmitted(record.timestamp(), this.clock));
	}

	/**
	 * The carried rules as the core needs them, rebuilt only when they differ from the previous comment's (the
	 * rules of one policy site repeat from comment to comment; building them is not free on this hot path).
	 */
	private DecisionRules decisionRules(CarriedRules rules) {
		if (rules == null) {
			return DecisionRules.of(this.moderator.actions(), this.moderator.settings());
		}
		if (!rules.equals(this.lastRules)) {
			this.lastDecisionRules = rules.toDecisionRules();
			this.lastRules = rules;
		}
		return this.lastDecisionRules;
	}

	/**
	 * A failure of the service's own code on one comment dead-letters the comment as received (PROCESSING_FAILED,
	 * source = the internal repartition topic) rather than stopping the stream, as in the first stage.
	 */
	private void deadLetter(Record<byte[], byte[]> record, PendingComment comment, RuntimeException ex) {
		DeadLetterHeaders.Source source = DeadLetterHeaders.Source.of(context().recordMetadata(), record.timestamp());
		InvalidEnvelopeException failure = new InvalidEnvelopeException(EnvelopeError.PROCESSING_FAILED,
				"Moderation failed: " + ex.getClass().getSimpleName(), ex);
		context().forward(record.withKey(ModerateCommentProcessor.utf8(comment.commentId()))
			.withHeaders(DeadLetterHeaders.of(record.headers(), source, failure))
			.withValue(new Route(Route.Destination.DEAD_LETTER,
					comment.receivedJson().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		this.listener.deadLettered(source, failure);
	}

	/**
	 * A new outcome of one of the author's comments (a held comment's final decision, or a correction): the stored
	 * decision (re-emitted on resubmission), the author's standing and history.
	 */
	private void reviewed(Record<byte[], byte[]> record, FinalDecision decision) {
		long now = record.timestamp();
		this.decisions.put(decision.commentId(),
				StateCodec.write(new StoredDecision(decision.decision(), decision.json())), now);
		Decision previous = (decision.previous() != null) ? decision.previous() : Decision.HELD;
		if (decision.previous() == null) {
			// from a version before revisions: a held comment's final decision, its spam read from the reasons
			this.moderator.reviewed(decision.author(), decision.decision(), decision.reasons(),
					Instant.ofEpochMilli(now), new StoreHistory());
		}
		else {
			this.moderator.revised(decision.author(), previous, decision.decision(), decision.spam(),
					Instant.ofEpochMilli(now), new StoreHistory());
		}
		if (decision.revision() > 0) {
			this.authorComments.put(decision.author(),
					StateCodec.write(new AuthorComment(decision.commentId(), decision.siteId(),
							decision.postId(), decision.decision(), decision.revision())),
					Math.max(0L, decision.decidedTimestamp()));
		}
	}

	/**
	 * A moderator's action on the author: in force for every comment this stage reads after it (RESET clears it
	 * and the author's earned standing).
	 */
	private void act(Record<byte[], byte[]> record, ActionRequest request) {
		if (request.action().kind() == AuthorAction.Kind.RESET) {
			this.actions.delete(request.author());
			this.moderator.reset(request.author(), Instant.ofEpochMilli(record.timestamp()), new StoreHistory());
		}
		else {
			this.actions.put(request.author(), StateCodec.write(request.action()));
		}
	}

	/** The moderator's action on this author, if any is stored (a lapsed BAN is ignored where it is used). */
	private StoredAction action(String author) {
		byte[] bytes = this.actions.get(author);
		return (bytes != null) ? StateCodec.read(bytes, StoredAction.class) : null;
	}

	static Route.Destination destination(Decision decision) {
		return switch (decision) {
			case APPROVED -> Route.Destination.APPROVED;
			case REJECTED -> Route.Destination.REJECTED;
			case HELD -> Route.Destination.HELD;
		};
	}

	/** The latest value of a key at or after {@code since}, if any. */
	static <V> Optional<V> latest(WindowStore<String, V> store, String key, long since) {
		try (WindowStoreIterator<V> iterator = store.backwardFetch(key, Math.max(0L, since), Long.MAX_VALUE)) {
			return iterator.hasNext() ? Optional.of(iterator.next().value) : Optional.empty();
		}
	}

	static <V> Optional<Long> latestTime(WindowStore<String, V> store, String key, long since) {
		try (WindowStoreIterator<V> iterator = store.backwardFetch(key, Math.max(0L, since), Long.MAX_VALUE)) {
			return iterator.hasNext() ? Optional.of(iterator.next().key) : Optional.empty();
		}
	}

	/** The author history over this partition's window stores. */
	private final class StoreHistory implements AuthorHistory {

		@Override
		public Optional<Instant> lastComment(String author, Instant since) {
			return latestTime(AuthorProcessor.this.lastComment, author, since.toEpochMilli())
				.map(Instant::ofEpochMilli);
		}

		@Override
		public Optional<String> commentWithFingerprint(String fingerprint, Instant since) {
			return latest(AuthorProcessor.this.fingerprints, fingerprint, since.toEpochMilli());
		}

		/**
		 * The standing last read or written through this history (one per comment): the stage reads it for the
		 * decision's status and the rules read it again, which would otherwise be two store lookups.
		 */
		private String readAuthor;

		private Instant readSince;

		private AuthorStanding readStanding;

		@Override
		public AuthorStanding standing(String author, Instant since) {
			if (author.equals(this.readAuthor) && since.equals(this.readSince)) {
				return this.readStanding;
			}
			AuthorStanding standing = latest(AuthorProcessor.this.standings, author, since.toEpochMilli())
				.map(bytes -> StateCodec.read(bytes, StoredStanding.class).toStanding())
				.orElse(AuthorStanding.NEW);
			this.readAuthor = author;
			this.readSince = since;
			this.readStanding = standing;
			return standing;
		}

		@Override
		public void commented(String author, Instant at) {
			AuthorProcessor.this.lastComment.put(author, "", at.toEpochMilli());
		}

		@Override
		public void said(String fingerprint, String commentId, Instant at) {
			AuthorProcessor.this.fingerprints.put(fingerprint, commentId, at.toEpochMilli());
		}

		@Override
		public void standing(String author, AuthorStanding standing, Instant at) {
			AuthorProcessor.this.standings.put(author, StateCodec.write(StoredStanding.of(standing)),
					at.toEpochMilli());
			this.readAuthor = null;
		}

	}

}
