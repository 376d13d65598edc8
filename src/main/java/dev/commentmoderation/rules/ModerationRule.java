package dev.commentmoderation.rules;

import java.util.List;

/** One rule: appends every reason it finds, in a deterministic order. Implementations are immutable. */
interface ModerationRule {

	void check(Comment comment, List<Reason> reasons);

	/** The same, for a rule that reads the content folded: {@code content} is the comment's, folded at most once. */
	default void check(Comment comment, NormalizedContent content, List<Reason> reasons) {
		check(comment, reasons);
	}

}
