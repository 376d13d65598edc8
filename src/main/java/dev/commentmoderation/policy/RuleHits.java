package dev.commentmoderation.policy;

import java.util.Map;

import dev.commentmoderation.rules.ReasonCode;

/**
 * How often each rule fired, per policy site, since this instance started: what the moderator view shows beside
 * each rule. The metrics adapter counts them; the policy only reads them, so it does not depend on metrics.
 */
@FunctionalInterface
public interface RuleHits {

	/** No counts: every rule shows 0 hits. */
	RuleHits NONE = Map::of;

	/** @return site → rule → comments it fired on; a site or rule that never fired may be absent */
	Map<String, Map<ReasonCode, Long>> bySite();

}
