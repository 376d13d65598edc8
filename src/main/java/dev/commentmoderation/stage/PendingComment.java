package dev.commentmoderation.stage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.commentmoderation.classifier.Classification;
import dev.commentmoderation.classifier.Label;
import dev.commentmoderation.rules.AuthorAction;
import dev.commentmoderation.rules.AuthorStanding;
import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.Score;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * A comment with a valid author email on its way to the author's partition: the stateless reasons, its
 * identity, and the received JSON (decisions carry it byte for byte). {@code previousFromIp} (epoch ms) is
 * set by the IP flood stage.
 */
public record PendingComment(String commentId, String postId, String siteId, String author, String ip,
		String fingerprint, List<Reason> reasons, String receivedJson, Long previousFromIp, CarriedRules rules,
		Classification classification) {

	public PendingComment withPreviousFromIp(Long previous) {
		return new PendingComment(commentId, postId, siteId, author, ip, fingerprint, reasons, receivedJson,
				previous, rules, classification);
	}

}
