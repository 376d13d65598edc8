package dev.commentmoderation.stage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleActions;

/**
 * How {@link DecisionRules} are written in the stage records (they ride in every pending comment): a Jackson module,
 * so that the rules package stays plain Java. Compact, as a comment carries them on each hop: of the per-code maps
 * only what differs from the built-in defaults (an action other than {@link RuleActions#defaultAction}, a score
 * other than 0), nulls and an empty set left out. Stable: codes in declaration order, the flood interval as
 * ISO-8601 ({@code PT15S}, exact to the nanosecond). Fields a later version adds are skipped on read; a reason code
 * this version does not know fails the read, as deciding without it would change the decision.
 *
 * <pre>
 * {"actions":{"BLOCKED_TERM":"HOLD"},"scores":{"LINK":1.5},"holdAt":3,"rejectAt":8.25,"floodInterval":"PT15S",
 *  "floodIntervalMillis":15000,"trustedAuthorMinApproved":2,"classifierHoldAt":0.7,"classifierRejectAt":0.95,
 *  "trustedAuthorHeldFor":["HELD_TERM"]}
 * </pre>
 *
 * A pending comment writes its policy as a {@link PendingComment.Policy}: the same object with the policy's
 * {@code policyVersion} and {@code site} first. That is the {@code rules} object the versions before this one wrote
 * and read (their {@code CarriedRules}: the same field names, but the flood interval only in milliseconds, and no
 * classifier thresholds). So {@code floodIntervalMillis} is written too, for such a version reading a comment this
 * one wrote (a rolling upgrade, a rollback) to decide by the same policy, and read when {@code floodInterval} is
 * missing.
 */
final class DecisionRulesFormat {

	private DecisionRulesFormat() {
	}

	static SimpleModule module() {
		return new SimpleModule("decision-rules").addSerializer(DecisionRules.class, new RulesWriter())
			.addDeserializer(DecisionRules.class, new RulesReader())
			.addSerializer(PendingComment.Policy.class, new PolicyWriter())
			.addDeserializer(PendingComment.Policy.class, new PolicyReader());
	}

	private static final class RulesWriter extends ValueSerializer<DecisionRules> {

		@Override
		public void serialize(DecisionRules rules, JsonGenerator out, SerializationContext context) {
			out.writeStartObject();
			writeFields(rules, out);
			out.writeEndObject();
		}

	}

	private static final class PolicyWriter extends ValueSerializer<PendingComment.Policy> {

		@Override
		public void serialize(PendingComment.Policy policy, JsonGenerator out, SerializationContext context) {
			out.writeStartObject();
			if (policy.version() != null) {
				out.writeStringProperty("policyVersion", policy.version());
			}
			if (policy.site() != null) {
				out.writeStringProperty("site", policy.site());
			}
			writeFields(policy.decisionRules(), out);
			out.writeEndObject();
		}

	}

	private static final class RulesReader extends ValueDeserializer<DecisionRules> {

		@Override
		public DecisionRules deserialize(JsonParser in, DeserializationContext context) {
			return read(in, context).decisionRules();
		}

	}

	private static final class PolicyReader extends ValueDeserializer<PendingComment.Policy> {

		@Override
		public PendingComment.Policy deserialize(JsonParser in, DeserializationContext context) {
			return read(in, context);
		}

	}

	private static void writeFields(DecisionRules rules, JsonGenerator out) {
		RuleActions actions = rules.actions();
		boolean any = false;
		for (ReasonCode code : ReasonCode.values()) {
			if (actions.of(code) != RuleActions.defaultAction(code)) {
				any = startMap(out, "actions", any);
				out.writeStringProperty(code.name(), actions.of(code).name());
			}
		}
		endMap(out, any);
		any = false;
		for (ReasonCode code : ReasonCode.values()) {
			if (actions.scoreOf(code).signum() != 0) {
				any = startMap(out, "scores", any);
				out.writeNumberProperty(code.name(), actions.scoreOf(code));
			}
		}
		endMap(out, any);
		if (actions.holdAt() != null) {
			out.writeNumberProperty("holdAt", actions.holdAt());
		}
		if (actions.rejectAt() != null) {
			out.writeNumberProperty("rejectAt", actions.rejectAt());
		}
		out.writeStringProperty("floodInterval", rules.floodInterval().toString());
		out.writeNumberProperty("floodIntervalMillis", rules.floodInterval().toMillis());
		out.writeNumberProperty("trustedAuthorMinApproved", rules.trustedAuthorMinApproved());
		if (rules.classifierHoldAt() != null) {
			out.writeNumberProperty("classifierHoldAt", rules.classifierHoldAt());
		}
		if (rules.classifierRejectAt() != null) {
			out.writeNumberProperty("classifierRejectAt", rules.classifierRejectAt());
		}
		if (!rules.trustedAuthorHeldFor().isEmpty()) {
			out.writeName("trustedAuthorHeldFor");
			out.writeStartArray();
			for (ReasonCode code : ReasonCode.values()) {
				if (rules.trustedAuthorHeldFor().contains(code)) {
					out.writeString(code.name());
				}
			}
			out.writeEndArray();
		}
	}

	private static boolean startMap(JsonGenerator out, String name, boolean started) {
		if (!started) {
			out.writeName(name);
			out.writeStartObject();
		}
		return true;
	}

	private static void endMap(JsonGenerator out, boolean started) {
		if (started) {
			out.writeEndObject();
		}
	}

	private static PendingComment.Policy read(JsonParser in, DeserializationContext context) {
		if (!in.isExpectedStartObjectToken()) {
			return context.reportInputMismatch(DecisionRules.class, "Decision rules must be an object, not %s",
					in.currentToken());
		}
		String version = null;
		String site = null;
		Map<ReasonCode, RuleAction> actions = new EnumMap<>(ReasonCode.class);
		Map<ReasonCode, BigDecimal> scores = new EnumMap<>(ReasonCode.class);
		BigDecimal holdAt = null;
		BigDecimal rejectAt = null;
		Duration floodInterval = null;
		Duration floodIntervalMillis = Duration.ZERO;
		int trustedAuthorMinApproved = 0;
		Double classifierHoldAt = null;
		Double classifierRejectAt = null;
		Set<ReasonCode> trustedAuthorHeldFor = EnumSet.noneOf(ReasonCode.class);
		for (String name = in.nextName(); name != null; name = in.nextName()) {
			if (in.nextToken() == JsonToken.VALUE_NULL) {
				continue;
			}
			switch (name) {
				case "policyVersion" -> version = in.getString();
				case "site" -> site = in.getString();
				case "actions" -> {
					for (String code = in.nextName(); code != null; code = in.nextName()) {
						in.nextToken();
						actions.put(ReasonCode.valueOf(code), RuleAction.valueOf(in.getString()));
					}
				}
				case "scores" -> {
					for (String code = in.nextName(); code != null; code = in.nextName()) {
						in.nextToken();
						scores.put(ReasonCode.valueOf(code), in.getDecimalValue());
					}
				}
				case "holdAt" -> holdAt = in.getDecimalValue();
				case "rejectAt" -> rejectAt = in.getDecimalValue();
				case "floodInterval" -> floodInterval = Duration.parse(in.getString());
				case "floodIntervalMillis" -> floodIntervalMillis = Duration.ofMillis(in.getLongValue());
				case "trustedAuthorMinApproved" -> trustedAuthorMinApproved = in.getIntValue();
				case "classifierHoldAt" -> classifierHoldAt = in.getDoubleValue();
				case "classifierRejectAt" -> classifierRejectAt = in.getDoubleValue();
				case "trustedAuthorHeldFor" -> {
					while (in.nextToken() != JsonToken.END_ARRAY) {
						trustedAuthorHeldFor.add(ReasonCode.valueOf(in.getString()));
					}
				}
				default -> in.skipChildren();
			}
		}
		DecisionRules rules = new DecisionRules(new RuleActions(actions, scores, holdAt, rejectAt),
				(floodInterval != null) ? floodInterval : floodIntervalMillis, trustedAuthorMinApproved,
				classifierHoldAt, classifierRejectAt, trustedAuthorHeldFor);
		return new PendingComment.Policy(version, site, rules);
	}

}
