package dev.commentmoderation.dryrun;

import java.time.Clock;
import java.time.Duration;

import dev.commentmoderation.policy.PolicyLoader;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;

/**
 * What the service runs with when only application.yml configures it: the moderation.rules.* settings a policy
 * file inherits from (and the whole policy without one), and moderation.policy.max-flood-interval. A test binds
 * application.yml and checks these are equal, so the two cannot drift.
 */
public final class ServiceDefaults {

	/** moderation.rules.* retentions and stateful thresholds. */
	public static final StatefulSettings STATEFUL = StatefulSettings.DEFAULTS;

	/** moderation.rules.*, as the service builds the base of its policy from them. */
	public static final PolicyLoader.Base BASE = new PolicyLoader.Base(RuleSettings.DEFAULTS,
			DecisionRules.of(RuleSettings.DEFAULTS.actions(), STATEFUL));

	/** moderation.policy.max-flood-interval. */
	public static final Duration MAX_FLOOD_INTERVAL = Duration.ofHours(1);

	private ServiceDefaults() {
	}

	/** A policy loader that checks and versions a policy file as the service would. */
	public static PolicyLoader loader(Clock clock) {
		return new PolicyLoader(BASE, MAX_FLOOD_INTERVAL, clock);
	}

}
