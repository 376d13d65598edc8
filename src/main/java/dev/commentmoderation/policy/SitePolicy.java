package dev.commentmoderation.policy;

import java.util.Objects;

import dev.commentmoderation.rules.CommentModerator;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.RuleSettings;

/**
 * The rules of one site (or the defaults), fully resolved: the stateless rule settings, compiled once into a
 * {@link CommentModerator}, and the decision rules the author stage applies.
 *
 * @param site the site key in the policy file, or {@link Policy#DEFAULT_SITE} for the defaults
 */
public record SitePolicy(String site, RuleSettings settings, DecisionRules decisionRules, CommentModerator moderator) {

	public SitePolicy {
		Objects.requireNonNull(site, "site");
		Objects.requireNonNull(settings, "settings");
		Objects.requireNonNull(decisionRules, "decisionRules");
		Objects.requireNonNull(moderator, "moderator");
	}

	/** Compiles the settings (blocked terms, spam patterns). */
	public static SitePolicy of(String site, RuleSettings settings, DecisionRules decisionRules) {
		return new SitePolicy(site, settings, decisionRules, new CommentModerator(settings));
	}

}
