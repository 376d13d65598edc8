package dev.commentmoderation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What each reason code does, and the decision the reasons of one comment make together.
 * <p>
 * Each code has an action (REJECT, HOLD or SCORE) and a score (0 or more). The comment's total is the sum of the
 * scores of the codes that fired, each code counted once. Then:
 * <ol>
 * <li>any REJECT reason, or a total at or above {@code rejectAt}: REJECTED;</li>
 * <li>otherwise any HOLD reason, or a total at or above {@code holdAt}: HELD, unless the author is trusted;</li>
 * <li>otherwise APPROVED.</li>
 * </ol>
 * A rejected or held comment carries every reason that counts, hold and score ones included; an approved one
 * carries none (its {@link Score} still lists what fired). A SCORE code whose score is 0 is off: its reasons are
 * dropped. Immutable.
 */
public final class RuleActions {

	/** Codes whose action is fixed, whatever a policy says. */
	public static final Set<ReasonCode> FIXED = EnumSet.of(
			// comments without a usable email have no author to hold them for (no state): always rejected
			ReasonCode.EMAIL_REQUIRED, ReasonCode.EMAIL_INVALID,
			// a moderator's verdict is final by definition
			ReasonCode.MODERATOR_APPROVED, ReasonCode.MODERATOR_REJECTED, ReasonCode.REVIEW_EXPIRED);

	/**
	 * TOO_MANY_LINKS and HELD_TERM hold (as WordPress holds too many links); LINK and NEW_AUTHOR only score, with
	 * score 0 (off); every other code rejects. No scores, no thresholds.
	 */
	public static final RuleActions DEFAULTS = new RuleActions(Map.of());

	private final Map<ReasonCode, RuleAction> actions;

	private final Map<ReasonCode, BigDecimal> scores;

	private final BigDecimal holdAt;

	private final BigDecimal rejectAt;

	/** @param overrides actions for some codes; codes not given take their default */
	public RuleActions(Map<ReasonCode, RuleAction> overrides) {
		this(overrides, Map.of(), null, null);
	}

	/**
	 * @param overrides actions for some codes; codes not given take their default (fixed codes ignore them)
	 * @param scores scores for some codes (0 or more); codes not given score 0
	 * @param holdAt total score from which a comment is held, null for never
	 * @param rejectAt total score from which a comment is rejected, null for never
	 * @throws IllegalArgumentException for a negative score or a threshold that is not positive
	 */
	public RuleActions(Map<ReasonCode, RuleAction> overrides, Map<ReasonCode, BigDecimal> scores, BigDecimal holdAt,
			BigDecimal rejectAt) {
		EnumMap<ReasonCode, RuleAction> all = new EnumMap<>(ReasonCode.class);
		for (ReasonCode code : ReasonCode.values()) {
			all.put(code, defaultAction(code));
		}
		overrides.forEach((code, action) -> {
			if (!FIXED.contains(code)) {
				all.put(code, Objects.requireNonNull(action, "action"));
			}
		});
		EnumMap<ReasonCode, BigDecimal> allScores = new EnumMap<>(ReasonCode.class);
		for (ReasonCode code : ReasonCode.values()) {
			allScores.put(code, BigDecimal.ZERO);
		}
		scores.forEach((code, score) -> {
			if (score.signum() < 0) {
				throw new IllegalArgumentException("the score of " + code + " must not be negative: " + score);
			}
			allScores.put(code, score);
		});
		requirePositive("holdAt", holdAt);
		requirePositive("rejectAt", rejectAt);
		// EnumMaps: iteration in code order, so toString (and the policy version hashed from it) is stable
		this.actions = Collections.unmodifiableMap(all);
		this.scores = Collections.unmodifiableMap(allScores);
		this.holdAt = holdAt;
		this.rejectAt = rejectAt;
	}

	public static RuleAction defaultAction(ReasonCode code) {
		return switch (code) {
			case TOO_MANY_LINKS, HELD_TERM, AUTHOR_PREMODERATED, SPAM_CLASSIFIER -> RuleAction.HOLD;
			case LINK, NEW_AUTHOR -> RuleAction.SCORE;
			default -> RuleAction.REJECT;
		};
	}

	private static void requirePositive(String name, BigDecimal threshold) {
		if (threshold != null && threshold.signum() <= 0) {
			throw new IllegalArgumentException(name + " must be greater than 0: " + threshold);
		}
	}

	public RuleAction of(ReasonCode code) {
		return this.actions.get(code);
	}

	public BigDecimal scoreOf(ReasonCode code) {
		return this.scores.get(code);
	}

	/** These actions with {@code code} doing {@code action} (a fixed code keeps its action). */
	public RuleActions with(ReasonCode code, RuleAction action) {
		EnumMap<ReasonCode, RuleAction> changed = new EnumMap<>(this.actions);
		changed.put(code, action);
		return new RuleActions(changed, this.scores, this.holdAt, this.rejectAt);
	}

	/** Whether reasons with this code count at all (a SCORE code with score 0 does not). */
	public boolean counts(ReasonCode code) {
		return of(code) != RuleAction.SCORE || scoreOf(code).signum() > 0;
	}

	public Map<ReasonCode, RuleAction> asMap() {
		return this.actions;
	}

	public Map<ReasonCode, BigDecimal> scores() {
		return this.scores;
	}

	/** Total score from which a comment is held; null when off. */
	public BigDecimal holdAt() {
		return this.holdAt;
	}

	/** Total score from which a comment is rejected; null when off. */
	public BigDecimal rejectAt() {
		return this.rejectAt;
	}

	/** The verdict for these reasons, for an author who is or is not trusted (a trusted author skips every hold). */
	public Verdict decide(List<Reason> reasons, boolean trustedAuthor) {
		return decide(reasons, trustedAuthor, Set.of());
	}

	/**
	 * The verdict for these reasons, for an author who is or is not trusted; a HOLD reason whose code is in
	 * {@code heldEvenIfTrusted} holds a trusted author's comment too.
	 */
	public Verdict decide(List<Reason> reasons, boolean trustedAuthor, Set<ReasonCode> heldEvenIfTrusted) {
		List<Reason> counted = new ArrayList<>(reasons.size());
		EnumSet<ReasonCode> fired = EnumSet.noneOf(ReasonCode.class);
		List<RuleScore> ruleScores = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		boolean reject = false;
		boolean hold = false;
		boolean holdTrusted = false;
		for (Reason reason : reasons) {
			ReasonCode code = reason.code();
			if (!counts(code)) {
				continue;
			}
			counted.add(reason);
			RuleAction action = of(code);
			reject |= action == RuleAction.REJECT;
			hold |= action == RuleAction.HOLD;
			holdTrusted |= action == RuleAction.HOLD && heldEvenIfTrusted.contains(code);
			if (fired.add(code)) {
				BigDecimal score = scoreOf(code);
				ruleScores.add(new RuleScore(code, score));
				total = total.add(score);
			}
		}
		Score score = new Score(total, ruleScores, this.holdAt, this.rejectAt);
		if (reject || reached(total, this.rejectAt)) {
			return new Verdict(Decision.REJECTED, counted, score);
		}
		if (((hold || reached(total, this.holdAt)) && !trustedAuthor) || holdTrusted) {
			return new Verdict(Decision.HELD, counted, score);
		}
		return new Verdict(Decision.APPROVED, List.of(), score);
	}

	private static boolean reached(BigDecimal total, BigDecimal threshold) {
		return threshold != null && total.compareTo(threshold) >= 0;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof RuleActions that) && this.actions.equals(that.actions)
				&& this.scores.equals(that.scores) && Objects.equals(this.holdAt, that.holdAt)
				&& Objects.equals(this.rejectAt, that.rejectAt);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.actions, this.scores, this.holdAt, this.rejectAt);
	}

	@Override
	public String toString() {
		return "RuleActions[actions=" + this.actions + ", scores=" + this.scores + ", holdAt=" + this.holdAt
				+ ", rejectAt=" + this.rejectAt + "]";
	}

}
