package dev.commentmoderation.policy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.RuleSettings;

/**
 * The moderator view, {@code /actuator/moderation}: the policy in force and whether the file on disk was refused,
 * then per site ({@code _default} first, then the policy's sites in file order) every setting and every rule, in
 * {@link ReasonCode} order, with its action, score and hits. Hits are this instance's, since it started
 * ({@link RuleHits}).
 * <p>
 * Blocked and held terms are counted, not listed: ops dashboards read this view too, and the terms are what
 * spammers would like to learn.
 */
@Endpoint(id = "moderation")
public class ModerationEndpoint {

	private final Supplier<Policy> policy;

	private final Supplier<PolicyException> refusal;

	private final Duration reloadInterval;

	private final RuleHits ruleHits;

	/**
	 * @param refusal the problems of the file on disk while it is refused, null otherwise
	 * @param reloadInterval how often the file is checked
	 */
	public ModerationEndpoint(Supplier<Policy> policy, Supplier<PolicyException> refusal, Duration reloadInterval,
			RuleHits ruleHits) {
		this.policy = Objects.requireNonNull(policy, "policy");
		this.refusal = Objects.requireNonNull(refusal, "refusal");
		this.reloadInterval = Objects.requireNonNull(reloadInterval, "reloadInterval");
		this.ruleHits = Objects.requireNonNull(ruleHits, "ruleHits");
	}

	@ReadOperation
	public View view() {
		Policy policy = this.policy.get();
		PolicyException refused = this.refusal.get();
		Map<String, Map<ReasonCode, Long>> hits = this.ruleHits.bySite();
		Map<String, SiteView> sites = new LinkedHashMap<>();
		sites.put(Policy.DEFAULT_SITE, site(policy.defaults(), hits));
		policy.sites().forEach((name, site) -> sites.put(name, site(site, hits)));
		boolean watched = policy.file() != null;
		return new View(policy.version(), watched ? policy.file().toString() : null, policy.loadedAt().toString(),
				policy.files().stream().map(Path::toString).toList(),
				watched ? Durations.format(this.reloadInterval) : null,
				new Refusal(refused != null, (refused != null) ? refused.problems() : List.of()), sites);
	}

	private static SiteView site(SitePolicy site, Map<String, Map<ReasonCode, Long>> hits) {
		RuleSettings settings = site.settings();
		RuleActions actions = site.decisionRules().actions();
		Map<ReasonCode, Long> siteHits = hits.getOrDefault(site.site(), Map.of());
		Map<String, RuleView> rules = new LinkedHashMap<>();
		for (ReasonCode code : ReasonCode.values()) {
			rules.put(code.name(),
					new RuleView(actions.of(code), plain(actions.scoreOf(code)), siteHits.getOrDefault(code, 0L)));
		}
		return new SiteView(plain(actions.holdAt()), plain(actions.rejectAt()),
				new Limits(settings.maxNameBytes(), settings.maxEmailBytes(), settings.maxUrlBytes(),
						settings.maxContentBytes(), settings.maxLinks()),
				Durations.format(settings.minSubmitTime()), Durations.format(site.decisionRules().floodInterval()),
				site.decisionRules().trustedAuthorMinApproved(), settings.spamPatterns(),
				settings.blockedTerms().size(), settings.heldTerms().size(), rules);
	}

	/** 2 rather than 2.0 or 2E+0, so that the JSON reads as the policy file was written. */
	private static BigDecimal plain(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}


	/**
	 * @param file the policy file, null when the moderation.rules.* settings are the whole policy
	 * @param termFiles the term files the policy file names
	 * @param reloadInterval how often the file is checked for changes; null without a file
	 * @param refusal whether the file on disk is refused (an older policy keeps running) and why
	 * @param sites {@code _default}, then each site of the policy
	 */
	public record View(String version, String file, String loadedAt, List<String> termFiles, String reloadInterval,
			Refusal refusal, Map<String, SiteView> sites) {
	}

	public record Refusal(boolean refused, List<String> problems) {
	}

	/**
	 * @param holdScore total score that holds a comment, null when off
	 * @param rejectScore total score that rejects a comment, null when off
	 * @param blockedTermCount how many blocked terms (the terms themselves are not shown)
	 * @param heldTermCount how many held terms
	 * @param rules every rule, by reason code, in reason code order
	 */
	public record SiteView(BigDecimal holdScore, BigDecimal rejectScore, Limits limits, String minSubmitTime,
			String floodInterval, int trustedAuthorMinApproved, List<String> spamPatterns, int blockedTermCount,
			int heldTermCount, Map<String, RuleView> rules) {
	}

	public record Limits(int maxNameBytes, int maxEmailBytes, int maxUrlBytes, int maxContentBytes, int maxLinks) {
	}

	/** @param hits comments this rule fired on, on this site, since this instance started */
	public record RuleView(RuleAction action, BigDecimal score, long hits) {
	}

}
