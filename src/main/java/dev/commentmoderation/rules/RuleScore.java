package dev.commentmoderation.rules;

import java.math.BigDecimal;
import java.util.Objects;

/** One rule that fired on a comment, and the score it added to the comment's total. */
public record RuleScore(ReasonCode code, BigDecimal score) {

	public RuleScore {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(score, "score");
	}

}
