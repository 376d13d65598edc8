package dev.commentmoderation.stage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;

/**
 * A comment with a valid author email on its way to the author's partition: the stateless reasons, its
 * identity, and the received JSON (decisions carry it byte for byte). {@code previousFromIp} (epoch ms) is
 * set by the IP flood stage.
 *
 * @param policyVersion the version of the policy the first stage read the comment under
 * @param policySite that policy's site key that applied ({@code Policy.DEFAULT_SITE} for its defaults)
 * @param decisionRules that policy site's decision rules, as they are: the later stages decide by them, so a reload
 * or a restart while the comment is between stages does not mix two policies in its decision. Null only in a
 * comment read before policies existed (the service's defaults decide it).
 */
public record PendingComment(String commentId, String postId, String siteId, String author, String ip,
		String fingerprint, List<Reason> reasons, String receivedJson, Long previousFromIp, String policyVersion,
		String policySite, DecisionRules decisionRules, Classification classification) {

	public PendingComment withPreviousFromIp(Long previous) {
		return new PendingComment(commentId, postId, siteId, author, ip, fingerprint, reasons, receivedJson,
				previous, policyVersion, policySite, decisionRules, classification);
	}

	/**
	 * Reads what this version writes, and what versions before it wrote in the repartition topics: the policy's
	 * version, site and rules in one {@code rules} object, the flood interval in milliseconds (see
	 * {@link LegacyRules}).
	 */
	@JsonCreator
	static PendingComment read(@JsonProperty("commentId") String commentId, @JsonProperty("postId") String postId,
			@JsonProperty("siteId") String siteId, @JsonProperty("author") String author,
			@JsonProperty("ip") String ip, @JsonProperty("fingerprint") String fingerprint,
			@JsonProperty("reasons") List<Reason> reasons, @JsonProperty("receivedJson") String receivedJson,
			@JsonProperty("previousFromIp") Long previousFromIp, @JsonProperty("policyVersion") String policyVersion,
			@JsonProperty("policySite") String policySite,
			@JsonProperty("decisionRules") DecisionRules decisionRules,
			@JsonProperty("classification") Classification classification,
			@JsonProperty("rules") LegacyRules legacy) {
		if (decisionRules == null && legacy != null) {
			return new PendingComment(commentId, postId, siteId, author, ip, fingerprint, reasons, receivedJson,
					previousFromIp, legacy.policyVersion(), legacy.site(), legacy.decisionRules(), classification);
		}
		return new PendingComment(commentId, postId, siteId, author, ip, fingerprint, reasons, receivedJson,
				previousFromIp, policyVersion, policySite, decisionRules, classification);
	}

	/**
	 * The {@code rules} object of versions before the decision rules travelled as they are: kept to read the records
	 * such a version left in the repartition topics at an upgrade (or wrote during a rolling one). Only what differs
	 * from the built-in defaults, the flood interval in milliseconds, no classifier thresholds (the first stage has
	 * applied them already). Can go once no deployment upgrades from such a version.
	 */
	record LegacyRules(String policyVersion, String site, Map<ReasonCode, RuleAction> actions,
			Map<ReasonCode, BigDecimal> scores, BigDecimal holdAt, BigDecimal rejectAt, long floodIntervalMillis,
			int trustedAuthorMinApproved, Set<ReasonCode> trustedAuthorHeldFor) {

		DecisionRules decisionRules() {
			return new DecisionRules(
					new RuleActions((actions != null) ? actions : Map.of(), (scores != null) ? scores : Map.of(),
							holdAt, rejectAt),
					Duration.ofMillis(floodIntervalMillis), trustedAuthorMinApproved, null, null,
					trustedAuthorHeldFor);
		}

	}

}
