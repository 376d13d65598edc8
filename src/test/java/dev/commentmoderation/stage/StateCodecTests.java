package dev.commentmoderation.stage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.Match;
import dev.commentmoderation.rules.Reason;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoding of internal repartition and changelog values: Smile, records as they are, tolerant of fields
 * added or removed between versions, and able to read the JSON that earlier versions wrote.
 */
class StateCodecTests {

	private static final String RECEIVED = "{\"commentId\":\"c-1\",\"content\":\"\\\"quoted\\\" \\u00e9 — ok\\n\"}";

	private static ToAuthor pending() {
		Reason reason = new Reason(ReasonCode.values()[0], "content", "a message with \"quotes\"",
				Match.ofPattern("(?i)\\[url=", 3, 9));
		Map<ReasonCode, RuleAction> actions = new EnumMap<>(ReasonCode.class);
		actions.put(ReasonCode.values()[1], RuleAction.HOLD);
		Map<ReasonCode, BigDecimal> scores = new EnumMap<>(ReasonCode.class);
		scores.put(ReasonCode.values()[2], new BigDecimal("1.50"));
		DecisionRules rules = new DecisionRules(
				new RuleActions(actions, scores, new BigDecimal("4"), new BigDecimal("8.25")),
				Duration.ofSeconds(15), 2, 0.7, null, Set.of(ReasonCode.HELD_TERM));
		return new ToAuthor(new PendingComment("c-1", "post-1", "site", "reader@example.org",
				"203.0.113.9", "fp", List.of(reason), RECEIVED, 1_700_000_000_000L, "v-3", "kids-corner", rules, null),
				null, null);
	}

	@Test
	void roundTripsRecordsAsSmile() {
		ToAuthor value = pending();
		byte[] bytes = StateCodec.write(value);
		assertThat(StateCodec.isSmile(bytes)).isTrue();
		assertThat(StateCodec.read(bytes, ToAuthor.class)).isEqualTo(value);
		StoredDecision stored = new StoredDecision(Decision.HELD, "{\"decision\":\"HELD\"}");
		assertThat(StateCodec.read(StateCodec.write(stored), StoredDecision.class)).isEqualTo(stored);
	}

	@Test
	void readsTheJsonEarlierVersionsWrote() {
		ToAuthor value = pending();
		byte[] json = StateCodec.JSON.writeValueAsBytes(value);
		assertThat(json[0]).isEqualTo((byte) '{');
		assertThat(StateCodec.isSmile(json)).isFalse();
		assertThat(StateCodec.read(json, ToAuthor.class)).isEqualTo(value);
		assertThat(StateCodec.read("{\"approved\":3,\"spamRejected\":true}".getBytes(StandardCharsets.UTF_8),
				StoredStanding.class)).isEqualTo(new StoredStanding(3, true));
	}

	@Test
	void ignoresUnknownFieldsAndReadsMissingOnesAsDefaults() {
		Map<String, Object> newer = new LinkedHashMap<>();
		newer.put("approved", 2);
		newer.put("aFieldOfALaterVersion", List.of("x", 1));
		byte[] smile = StateCodec.SMILE.writeValueAsBytes(newer);
		assertThat(StateCodec.read(smile, StoredStanding.class)).isEqualTo(new StoredStanding(2, false));
		byte[] json = StateCodec.JSON.writeValueAsBytes(newer);
		assertThat(StateCodec.read(json, StoredStanding.class)).isEqualTo(new StoredStanding(2, false));
	}

}
