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

/** A moderator's action on an author, as stored and carried (instants as ISO-8601 strings, or null). */
public record StoredAction(AuthorAction.Kind kind, String until, String moderator, String note, String at) {

	public static StoredAction of(AuthorAction action) {
		return new StoredAction(action.kind(), iso(action.until()), action.moderator(), action.note(), iso(action.at()));
	}

	public AuthorAction toAction() {
		return new AuthorAction(kind, instant(until), moderator, note, instant(at));
	}

	private static String iso(java.time.Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static java.time.Instant instant(String text) {
		return (text != null) ? java.time.Instant.parse(text) : null;
	}

}
