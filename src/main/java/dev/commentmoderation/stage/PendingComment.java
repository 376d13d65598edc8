package dev.commentmoderation.stage;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.Reason;

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
@JsonIgnoreProperties({ "policyVersion", "policySite", "decisionRules" }) // written and read as "rules"
public record PendingComment(String commentId, String postId, String siteId, String author, String ip,
		String fingerprint, List<Reason> reasons, String receivedJson, Long previousFromIp, String policyVersion,
		String policySite, DecisionRules decisionRules, Classification classification) {

	public PendingComment withPreviousFromIp(Long previous) {
		return new PendingComment(commentId, postId, siteId, author, ip, fingerprint, reasons, receivedJson,
				previous, policyVersion, policySite, decisionRules, classification);
	}

	/** The policy as one {@code rules} object, as every version since policies writes it ({@link Policy}). */
	@JsonProperty("rules")
	Policy policy() {
		return (decisionRules != null) ? new Policy(policyVersion, policySite, decisionRules) : null;
	}

	@JsonCreator
	static PendingComment read(@JsonProperty("commentId") String commentId, @JsonProperty("postId") String postId,
			@JsonProperty("siteId") String siteId, @JsonProperty("author") String author,
			@JsonProperty("ip") String ip, @JsonProperty("fingerprint") String fingerprint,
			@JsonProperty("reasons") List<Reason> reasons, @JsonProperty("receivedJson") String receivedJson,
			@JsonProperty("previousFromIp") Long previousFromIp, @JsonProperty("rules") Policy policy,
			@JsonProperty("classification") Classification classification) {
		return new PendingComment(commentId, postId, siteId, author, ip, fingerprint, reasons, receivedJson,
				previousFromIp, (policy != null) ? policy.version() : null, (policy != null) ? policy.site() : null,
				(policy != null) ? policy.decisionRules() : null, classification);
	}

	/**
	 * The comment's policy on the wire: its version and site beside its decision rules' fields in one object, the
	 * {@code rules} of versions before this one (see {@link DecisionRulesFormat}), so that a version on either side
	 * of an upgrade reads what the other wrote.
	 */
	record Policy(String version, String site, DecisionRules decisionRules) {
	}

}
