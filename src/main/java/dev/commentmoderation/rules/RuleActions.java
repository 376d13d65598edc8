package dev.commentmoderation.rules;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The action of each reason code, and the decision they make together: any REJECT reason rejects (the decision
 * carries every reason, hold ones included); otherwise any HOLD reason holds, unless the author is trusted;
 * otherwise the comment is approved. An approved comment carries no reasons (a trusted author's hold reasons are
 * dropped). Immutable.
 */
public final class RuleActions {

	/** TOO_MANY_LINKS and HELD_TERM hold (as WordPress holds too many links); every other code rejects. */
	public static final RuleActions DEFAULTS = new RuleActions(
			Map.of(ReasonCode.TOO_MANY_LINKS, RuleAction.HOLD, ReasonCode.HELD_TERM, RuleAction.HOLD));

	private final Map<ReasonCode, RuleAction> actions;

	/** @param overrides actions for some codes; codes not given take their default */
	public RuleActions(Map<ReasonCode, RuleAction> overrides) {
		EnumMap<ReasonCode, RuleAction> all = new EnumMap<>(ReasonCode.class);
		for (ReasonCode code : ReasonCode.values()) {
			all.put(code, RuleAction.REJECT);
		}
		all.put(ReasonCode.TOO_MANY_LINKS, RuleAction.HOLD);
		all.put(ReasonCode.HELD_TERM, RuleAction.HOLD);
		all.putAll(overrides);
		// comments without a usable email have no author to hold them for (no state): always rejected
		all.put(ReasonCode.EMAIL_REQUIRED, RuleAction.REJECT);
		all.put(ReasonCode.EMAIL_INVALID, RuleAction.REJECT);
		// a moderator's verdict is final by definition
		all.put(ReasonCode.MODERATOR_APPROVED, RuleAction.REJECT);
		all.put(ReasonCode.MODERATOR_REJECTED, RuleAction.REJECT);
		all.put(ReasonCode.REVIEW_EXPIRED, RuleAction.REJECT);
		this.actions = Map.copyOf(all);
	}

	public RuleAction of(ReasonCode code) {
		return this.actions.get(code);
	}

	public Map<ReasonCode, RuleAction> asMap() {
		return this.actions;
	}

	/** The verdict for these reasons, for an author who is or is not trusted. */
	public Verdict decide(List<Reason> reasons, boolean trustedAuthor) {
		boolean hold = false;
		for (Reason reason : reasons) {
			if (of(reason.code()) == RuleAction.REJECT) {
				return new Verdict(Decision.REJECTED, reasons);
			}
			hold = true;
		}
		if (hold && !trustedAuthor) {
			return new Verdict(Decision.HELD, reasons);
		}
		return new Verdict(Decision.APPROVED, List.of());
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof RuleActions that) && this.actions.equals(that.actions);
	}

	@Override
	public int hashCode() {
		return this.actions.hashCode();
	}

	@Override
	public String toString() {
		return "RuleActions" + this.actions;
	}

}
