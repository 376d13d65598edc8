package dev.commentmoderation.rules;

import java.util.List;

/** One rule: appends every reason it finds, in a deterministic order. Implementations are immutable. */
interface ModerationRule {

	void check(Comment comment, List<Reason> reasons);

}
