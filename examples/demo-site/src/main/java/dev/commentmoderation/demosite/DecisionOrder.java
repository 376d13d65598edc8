package dev.commentmoderation.demosite;

/**
 * The one rule a site follows (docs/integration.md, "Ordering and idempotency"): per commentId, keep the decision
 * with the highest {@code revision}. The approved, rejected and held topics are separate, so a comment's decisions
 * arrive in any order: a late HELD (always revision 1) must not undo a final decision, and a moderator's correction
 * (revision 3) must not be undone by the verdict it corrected (revision 2) read after it.
 */
final class DecisionOrder {

	/** What a decision without {@code revision} (written before contract 2.0.0) counts as. */
	static final int FIRST_REVISION = 1;

	private DecisionOrder() {
	}

	/**
	 * Whether a decision replaces the one the site has: a higher revision does; a lower one never; an equal one only
	 * when it ends a HELD (decisions written before revisions existed all count as revision 1).
	 */
	static boolean replaces(int revision, Outcome.Status status, int knownRevision, Outcome.Status known) {
		if (revision != knownRevision) {
			return revision > knownRevision;
		}
		return !known.isFinal() && status.isFinal();
	}

}
