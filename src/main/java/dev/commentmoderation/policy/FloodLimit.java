package dev.commentmoderation.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * moderation.policy.max-flood-interval, and the one check of a flood interval against it: the flood stores are
 * sized for it at start-up, so a longer interval would forget comments it should still see. The base settings and
 * every level of a policy file are checked here.
 *
 * @param max the longest flood interval the flood stores keep
 */
record FloodLimit(Duration max) {

	FloodLimit {
		Objects.requireNonNull(max, "max");
	}

	/**
	 * @param where the setting, as the reader knows it: {@code moderation.rules.flood-interval} or
	 * {@code sites.<site>.flood-interval}
	 * @return the problem, naming both settings, or null when the interval fits
	 */
	String problem(String where, Duration floodInterval) {
		if (floodInterval.compareTo(this.max) <= 0) {
			return null;
		}
		return where + ": " + floodInterval + " is longer than moderation.policy.max-flood-interval (" + this.max
				+ "), the longest the flood stores keep";
	}

}
