package dev.commentmoderation.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a comment scored: every rule that fired (once per reason code, in the order its first reason came) with its
 * score, their total, and the thresholds it was held for ({@code holdAt}) or rejected at ({@code rejectAt}),
 * null when off.
 */
public record Score(BigDecimal total, List<RuleScore> rules, BigDecimal holdAt, BigDecimal rejectAt) {

	public static final Score NONE = new Score(BigDecimal.ZERO, List.of(), null, null);

	public Score {
		total = (total == null) ? BigDecimal.ZERO : total;
		rules = List.copyOf(rules);
	}

}
