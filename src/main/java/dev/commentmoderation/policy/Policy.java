package dev.commentmoderation.policy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A moderation policy, validated and compiled: the default rules and each site's, and the version (a content hash)
 * every decision made under it carries. Immutable: a reload builds a new one and swaps it in whole.
 *
 * @param version content hash of the policy file, the files it names and the base settings it inherits from
 * @param file the policy file, or null when the policy is the base settings alone
 * @param files the term files the policy file names
 * @param loadedAt when it was loaded
 */
public record Policy(String version, Path file, List<Path> files, Instant loadedAt, SitePolicy defaults,
		Map<String, SitePolicy> sites) {

	/** The name of the default rules, in metrics and the actuator endpoint. */
	public static final String DEFAULT_SITE = "_default";

	public Policy {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(defaults, "defaults");
		files = List.copyOf(files);
		sites = Collections.unmodifiableMap(new LinkedHashMap<>(sites));
	}

	/** The rules for a comment of this site: its own when the policy names it, the defaults otherwise. */
	public SitePolicy forSite(String siteId) {
		if (siteId == null) {
			return this.defaults;
		}
		SitePolicy site = this.sites.get(siteId);
		return (site != null) ? site : this.defaults;
	}

}
