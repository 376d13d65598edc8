package dev.commentmoderation.stream;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.classifier.Label;
import dev.commentmoderation.rules.AuthorAction;
import dev.commentmoderation.rules.AuthorStanding;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.Score;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * Values of the topology's internal repartition topics and state stores: the records below, written as Smile
 * (Jackson's binary JSON: the same data model and the same record mapping as JSON, but strings are stored as
 * they are, so the received comment each record carries is not escaped and unescaped on every hop). Not a
 * public contract, but changelogs and repartition topics outlive a deployment: only add record components
 * (unknown ones are ignored on read; missing ones, in values an older version wrote, read as null, 0 or false).
 *
 * <p>
 * Reading also accepts the JSON that earlier versions wrote: a Smile value starts with the Smile header
 * ({@code :)\n}), a JSON one with <code>{</code>, so changelogs and repartition topics written before the switch
 * are still read after an upgrade. A rollback to a JSON-only version cannot read Smile values: it needs the
 * application's internal topics and state reset.
 */
final class Internal {

	/** Every Smile value this class writes starts with these bytes (the Smile header is on by default). */
	private static final byte[] SMILE_HEADER = { ':', ')', '\n' };

	static final SmileMapper SMILE = SmileMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/** Values written before the switch to Smile. */
	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private Internal() {
	}

	static byte[] write(Object value) {
		return SMILE.writeValueAsBytes(value);
	}

	static <T> T read(byte[] bytes, Class<T> type) {
		return isSmile(bytes) ? SMILE.readValue(bytes, type) : JSON.readValue(bytes, type);
	}

	static boolean isSmile(byte[] bytes) {
		return bytes != null && bytes.length >= SMILE_HEADER.length && bytes[0] == SMILE_HEADER[0]
				&& bytes[1] == SMILE_HEADER[1] && bytes[2] == SMILE_HEADER[2];
	}

	/**
	 * A comment with a valid author email on its way to the author's partition: the stateless reasons, its
	 * identity, and the received JSON (decisions carry it byte for byte). {@code previousFromIp} (epoch ms) is
	 * set by the IP flood stage.
	 */
	record PendingComment(String commentId, String postId, String siteId, String author, String ip,
			String fingerprint, List<Reason> reasons, String receivedJson, Long previousFromIp, Rules rules,
			Classification classification) {

		PendingComment withPreviousFromIp(Long previous) {
			return new PendingComment(commentId, postId, siteId, author, ip, fingerprint, reasons, receivedJson,
					previous, rules, classification);
		}

	}

	/**
	 * The decision rules of the policy the comment was first read under, carried with it so that the later stages
	 * decide by that same policy across a reload or a restart. Only what differs from the built-in defaults.
	 */
	record Rules(String policyVersion, String site, Map<ReasonCode, RuleAction> actions,
			Map<ReasonCode, BigDecimal> scores, BigDecimal holdAt, BigDecimal rejectAt, long floodIntervalMillis,
			int trustedAuthorMinApproved, Set<ReasonCode> trustedAuthorHeldFor) {

		static Rules of(CommentRules.Applied applied) {
			DecisionRules decisionRules = applied.decisionRules();
			RuleActions ruleActions = decisionRules.actions();
			Map<ReasonCode, RuleAction> actions = new EnumMap<>(ReasonCode.class);
			Map<ReasonCode, BigDecimal> scores = new EnumMap<>(ReasonCode.class);
			for (ReasonCode code : ReasonCode.values()) {
				if (ruleActions.of(code) != RuleActions.defaultAction(code)) {
					actions.put(code, ruleActions.of(code));
				}
				if (ruleActions.scoreOf(code).signum() != 0) {
					scores.put(code, ruleActions.scoreOf(code));
				}
			}
			return new Rules(applied.policyVersion(), applied.site(), actions, scores, ruleActions.holdAt(),
					ruleActions.rejectAt(), decisionRules.floodInterval().toMillis(),
					decisionRules.trustedAuthorMinApproved(),
					decisionRules.trustedAuthorHeldFor().isEmpty() ? null : decisionRules.trustedAuthorHeldFor());
		}

		DecisionRules toDecisionRules() {
			return new DecisionRules(
					new RuleActions((actions != null) ? actions : Map.of(), (scores != null) ? scores : Map.of(),
							holdAt, rejectAt),
					Duration.ofMillis(floodIntervalMillis), trustedAuthorMinApproved, null, null, trustedAuthorHeldFor);
		}

	}

	/** A decision as emitted, kept per commentId for re-emission on resubmission. */
	record StoredDecision(Decision decision, String json) {
	}

	/**
	 * The author stage tells the review stage (partitioned by commentId) of every decision, with what a later
	 * revision needs (a moderator may correct any decision): the automatic reasons and score, the comment as
	 * received, and the author's standing and moderator action when it was decided. {@code heldTimestamp} is the
	 * record timestamp of the decision (held or not); {@code heldAtMillis} the wall-clock time of a HELD one.
	 */
	record CommentStatus(String commentId, String author, Decision decision, String postId, String siteId,
			List<Reason> reasons, String receivedJson, long heldAtMillis, long heldTimestamp, String policyVersion,
			Score score, String moderatedAt, Standing standing, Action action, Classification classification) {
	}

	/**
	 * One comment as the review stage keeps it: its first decision's status, every revision after the first, and
	 * every moderator verdict recorded (those that changed nothing too: each is a label).
	 */
	record CommentState(CommentStatus status, List<Revision> revisions, List<RecordedVerdict> verdicts) {

		/** The outcome now: the last revision's, or the first decision's. */
		Decision decision() {
			return (revisions == null || revisions.isEmpty()) ? status.decision()
					: revisions.get(revisions.size() - 1).decision();
		}

		int revision() {
			return (revisions == null || revisions.isEmpty()) ? 1 : revisions.get(revisions.size() - 1).revision();
		}

		CommentState with(Revision revision, RecordedVerdict verdict) {
			List<Revision> allRevisions = new java.util.ArrayList<>((revisions != null) ? revisions : List.of());
			if (revision != null) {
				allRevisions.add(revision);
			}
			List<RecordedVerdict> allVerdicts = new java.util.ArrayList<>((verdicts != null) ? verdicts : List.of());
			if (verdict != null) {
				allVerdicts.add(verdict);
			}
			return new CommentState(status, allRevisions, allVerdicts);
		}

		/** A stored value: a CommentState, or a CommentStatus that held comments were stored as before 2.0. */
		static CommentState read(byte[] bytes) {
			CommentState state = Internal.read(bytes, CommentState.class);
			if (state.status() != null) {
				return state;
			}
			return new CommentState(Internal.read(bytes, CommentStatus.class), List.of(), List.of());
		}

	}

	/**
	 * A decision after the first: {@code reason} is the one added to the automatic reasons (the moderator's
	 * verdict or REVIEW_EXPIRED); {@code moderator} null for an expiry.
	 */
	record Revision(int revision, Decision decision, Reason reason, String moderatedAt, String moderator, String note,
			Boolean spam, String reviewedAt) {
	}

	/** A moderator's verdict as recorded; {@code changed} false when it equalled the outcome it found. */
	record RecordedVerdict(Decision decision, boolean spam, String moderator, String note, String at, boolean changed,
			int revision) {
	}

	/** A moderator's verdict, with where it came from (for dead-lettering it as received). */
	record ReviewRequest(String commentId, Decision decision, String moderator, String note, String rawValue,
			byte[] originalKey, String sourceTopic, int sourcePartition, long sourceOffset, long sourceTimestamp,
			Boolean spam, String reviewedAt) {
	}

	/**
	 * A new outcome of a comment (a held comment's final decision, or a correction), back to its author's partition:
	 * for the author's standing ({@code previous} is the outcome it replaces), for re-emission on resubmission,
	 * and for the author's history ({@code decidedTimestamp}: the record time of the first decision).
	 */
	record FinalDecision(String commentId, String author, Decision decision, List<Reason> reasons, String json,
			Decision previous, boolean spam, int revision, String siteId, String postId, long decidedTimestamp) {
	}

	/** A moderator's action on an author, as stored and carried (instants as ISO-8601 strings, or null). */
	record Action(AuthorAction.Kind kind, String until, String moderator, String note, String at) {

		static Action of(AuthorAction action) {
			return new Action(action.kind(), iso(action.until()), action.moderator(), action.note(), iso(action.at()));
		}

		AuthorAction toAction() {
			return new AuthorAction(kind, instant(until), moderator, note, instant(at));
		}

		private static String iso(java.time.Instant instant) {
			return (instant != null) ? instant.toString() : null;
		}

		private static java.time.Instant instant(String text) {
			return (text != null) ? java.time.Instant.parse(text) : null;
		}

	}

	/** A moderator's action on the author of the record's key. */
	record ActionRequest(String author, Action action) {
	}

	/** One of an author's comments and its outcome, in the author's history (a record per outcome). */
	record AuthorComment(String commentId, String siteId, String postId, Decision decision, int revision) {
	}

	/**
	 * A label for one model (a site's, or the shared one) from a moderator's verdict or autolearn: SPAM, HAM, or
	 * null for a verdict that is no label (a rejection not for spam), which takes back an earlier label.
	 */
	record LabelEvent(String model, String commentId, Label label, List<String> tokens) {
	}

	/** Messages the author stage reads: exactly one of the three is set. */
	record ToAuthor(PendingComment comment, FinalDecision reviewed, ActionRequest action) {
	}

	/** Messages the review stage reads: exactly one of the two is set. */
	record ToComment(CommentStatus status, ReviewRequest review) {
	}

	/** Standing as stored. */
	record Standing(int approved, boolean spamRejected) {

		static Standing of(AuthorStanding standing) {
			return new Standing(standing.approved(), standing.spamRejected());
		}

		AuthorStanding toStanding() {
			return new AuthorStanding(approved, spamRejected);
		}

	}

}
