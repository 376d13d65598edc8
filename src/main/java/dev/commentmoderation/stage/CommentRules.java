package dev.commentmoderation.stage;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import dev.commentmoderation.policy.Policy;
import dev.commentmoderation.policy.SitePolicy;
import dev.commentmoderation.rules.Comment;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.NormalizedContent;
import dev.commentmoderation.rules.Reason;

/**
 * What the first stage asks of the active policy, once per comment: the stateless reasons, and the decision rules
 * the later stages apply. Both come from the same policy, read once, so a reload between two comments never mixes
 * two policies in one decision.
 */
@FunctionalInterface
public interface CommentRules {

	Applied apply(Comment comment);

	/**
	 * The same, folding the content through {@code content} (the comment's), which the first stage shares with the
	 * fingerprint and the classifier's features so that the content is folded once.
	 */
	default Applied apply(Comment comment, NormalizedContent content) {
		return apply(comment);
	}

	/**
	 * @param policyVersion the version of the policy that applied
	 * @param site the policy's site key that applied ({@link Policy#DEFAULT_SITE} for the defaults)
	 */
	record Applied(String policyVersion, String site, List<Reason> reasons, DecisionRules decisionRules) {

		public Applied {
			Objects.requireNonNull(policyVersion, "policyVersion");
			Objects.requireNonNull(site, "site");
			reasons = List.copyOf(reasons);
			Objects.requireNonNull(decisionRules, "decisionRules");
		}

	}

	/** The rules of whichever policy is active when a comment is read. */
	public static CommentRules of(Supplier<Policy> policies) {
		return new CommentRules() {

			@Override
			public Applied apply(Comment comment) {
				return apply(comment, NormalizedContent.of(comment));
			}

			@Override
			public Applied apply(Comment comment, NormalizedContent content) {
				Policy policy = policies.get();
				SitePolicy site = policy.forSite(comment.siteId());
				return new Applied(policy.version(), site.site(), site.moderator().reasons(comment, content),
						site.decisionRules());
			}

		};
	}

}
