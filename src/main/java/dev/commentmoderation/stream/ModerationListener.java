package dev.commentmoderation.stream;

import java.time.Duration;

import dev.commentmoderation.events.DeadLetterHeaders;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.Verdict;

/**
 * Told of every outcome, for metrics and logs. Called on the stream thread before the transaction commits, so
 * a record retried after a crash is reported again: counts are at-least-once, decisions exactly-once.
 */
public interface ModerationListener {

	ModerationListener NONE = new ModerationListener() {
	};

	/**
	 * A submitted comment got its first decision: APPROVED, REJECTED or HELD, under the rules of {@code site} (the
	 * policy's site key, {@code _default} for the defaults).
	 */
	default void decided(String commentId, String site, Verdict verdict, Duration processingTime) {
	}

	/**
	 * A first decision was made this long after its comment's record was written to the input topic (its record
	 * timestamp): the end-to-end latency a site sees, repartition hops and their exactly-once commits included.
	 */
	default void decisionLatency(Duration sinceSubmitted) {
	}

	/** A commentId seen before was submitted again: its stored decision was re-emitted. */
	default void resubmitted(String commentId, Decision decision) {
	}

	/**
	 * A held comment got its final decision from a moderator ({@code expired} false) or because nobody reviewed
	 * it in time ({@code expired} true), {@code turnaround} after it was held.
	 */
	default void reviewed(String commentId, Decision decision, boolean expired, Duration turnaround) {
	}

	/**
	 * A moderator's verdict was applied to a comment whose outcome was {@code previous}: {@code changed} when it
	 * made a new revision (a held comment's final decision, or a correction of a final one), false when it equalled
	 * the outcome it found.
	 */
	default void verdict(String commentId, Decision previous, Decision decision, boolean spam, boolean changed,
			int revision) {
	}

	/** A moderator's action on an author was read (TRUST, BAN, PREMODERATE or RESET). */
	default void authorAction(String action) {
	}

	default void deadLettered(DeadLetterHeaders.Source source, InvalidEnvelopeException failure) {
	}

}
