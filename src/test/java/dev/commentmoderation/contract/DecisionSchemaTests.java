package dev.commentmoderation.contract;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The decision schema is strict: it can fail, and does on each hand-made broken decision below. */
class DecisionSchemaTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String REJECTED = """
			{"commentId":"c-1","postId":"p-1","siteId":"s-1","decision":"REJECTED","revision":1,
			 "reasons":[{"code":"BLOCKED_TERM","field":"content","message":"Your comment contains a word that is not allowed here: \\"casino\\".",
			             "match":{"term":"casino","start":4,"end":10}},
			            {"code":"SPAM_PATTERN","field":"content","message":"Your comment contains text that looks like spam.",
			             "match":{"pattern":"(?i)\\\\[url=","start":11,"end":16}},
			            {"code":"HONEYPOT","field":"honeypot","message":"Your comment looks automated and could not be accepted."}],
			 "score":{"total":0,"rules":[{"code":"BLOCKED_TERM","score":0},{"code":"SPAM_PATTERN","score":0}]},
			 "policyVersion":"3f2a9c0b1d4e5f60","moderatedAt":"2026-11-28T03:34:01.250Z",
			 "comment":{"commentId":"c-1","content":"Our casino [url=x]","honeypot":"x","anything":[1,{"goes":true}]}}
			""";

	private static final String APPROVED = """
			{"commentId":"c-2","postId":null,"siteId":null,"decision":"APPROVED","revision":1,"reasons":[],
			 "score":{"total":1.5,"rules":[{"code":"LINK","score":1.5}],"holdAt":4},"policyVersion":"3f2a9c0b1d4e5f60",
			 "moderatedAt":"2026-11-28T03:34:01Z","comment":{"commentId":"c-2"}}
			""";

	private static final String HELD = """
			{"commentId":"c-3","postId":"p","siteId":"s","decision":"HELD","revision":1,
			 "reasons":[{"code":"TOO_MANY_LINKS","field":"content","message":"Your comment has too many links."}],
			 "score":{"total":0,"rules":[]},"policyVersion":"3f2a9c0b1d4e5f60",
			 "moderatedAt":"2026-11-28T03:34:01Z","comment":{"commentId":"c-3"}}
			""";

	private static final String APPROVED_BY_A_MODERATOR = """
			{"commentId":"c-3","postId":"p","siteId":"s","decision":"APPROVED","revision":2,
			 "reasons":[{"code":"TOO_MANY_LINKS","field":"content","message":"Your comment has too many links."},
			            {"code":"MODERATOR_APPROVED","field":"review","message":"Useful links."}],
			 "score":{"total":0,"rules":[{"code":"TOO_MANY_LINKS","score":0}]},"policyVersion":"3f2a9c0b1d4e5f60",
			 "moderatedAt":"2026-11-28T04:00:00Z",
			 "review":{"moderator":"anna","note":"Useful links.","reviewedAt":"2026-11-28T04:00:00Z"},
			 "comment":{"commentId":"c-3"}}
			""";

	private static final String REJECTED_BY_THE_CLASSIFIER = """
			{"commentId":"c-4","postId":"p","siteId":"s","decision":"REJECTED","revision":1,
			 "reasons":[{"code":"SPAM_CLASSIFIER","field":"content","message":"Our spam filter rates this comment as likely spam (100 %).",
			             "match":{"term":"b:free cash","start":6,"end":15}}],
			 "score":{"total":0,"rules":[{"code":"SPAM_CLASSIFIER","score":0}]},"policyVersion":"3f2a9c0b1d4e5f60",
			 "modelVersion":"site:s:3s3h:6",
			 "classifier":{"probability":1.0,"tokens":[{"token":"b:free cash","spamProbability":0.875,"start":6,"end":15}]},
			 "moderatedAt":"2026-11-28T03:34:01Z","comment":{"commentId":"c-4"}}
			""";

	@Test
	void aSpamClassifierReasonMayPointAtItsStrongestContentToken() {
		ContractSchemas.assertValidDecision(REJECTED_BY_THE_CLASSIFIER.getBytes());
	}

	@Test
	void acceptsTheHandMadeValidDecisions() {
		ContractSchemas.assertValidDecision(REJECTED.getBytes());
		ContractSchemas.assertValidDecision(APPROVED.getBytes());
		ContractSchemas.assertValidDecision(HELD.getBytes());
		ContractSchemas.assertValidDecision(APPROVED_BY_A_MODERATOR.getBytes());
	}

	static Stream<Named<Consumer<ObjectNode>>> brokenDecisions() {
		return Stream.of(
				broken("APPROVED with a reason", d -> d.put("decision", "APPROVED")),
				broken("REJECTED without reasons", d -> d.putArray("reasons")),
				broken("a decision other than APPROVED or REJECTED", d -> d.put("decision", "PENDING")),
				broken("an unknown reason code", d -> reason(d, 2).put("code", "TOO_RUDE")),
				broken("an unknown reason field", d -> reason(d, 2).put("field", "author.nickname")),
				broken("a reason without a message", d -> reason(d, 2).remove("message")),
				broken("an extra property on a reason", d -> reason(d, 2).put("severity", "high")),
				broken("BLOCKED_TERM without a match", d -> reason(d, 0).remove("match")),
				broken("BLOCKED_TERM whose match has a pattern, not a term",
						d -> match(d, 0).put("pattern", "casino").remove("term")),
				broken("a match with both term and pattern", d -> match(d, 0).put("pattern", "x")),
				broken("a match with neither term nor pattern", d -> match(d, 1).remove("pattern")),
				broken("a match with a negative start", d -> match(d, 0).put("start", -1)),
				broken("a match with a fractional end", d -> match(d, 0).put("end", 10.5)),
				broken("a match with an extra property", d -> match(d, 0).put("length", 6)),
				broken("a match on a reason that has none (HONEYPOT)",
						d -> reason(d, 2).putObject("match").put("term", "x").put("start", 0).put("end", 1)),
				broken("an extra top-level property", d -> d.put("score", 0.93)),
				broken("no comment", d -> d.remove("comment")),
				broken("a comment that is not an object", d -> d.put("comment", "Our casino")),
				broken("moderatedAt that is not RFC 3339", d -> d.put("moderatedAt", "28/11/2026 03:34")),
				broken("an empty commentId", d -> d.put("commentId", "")),
				broken("a numeric postId", d -> d.put("postId", 7)),
				broken("HELD without reasons", d -> d.put("decision", "HELD").putArray("reasons")),
				broken("HELD with a review", d -> d.put("decision", "HELD").putObject("review").put("moderator", "anna")
					.put("reviewedAt", "2026-11-28T03:34:01Z")),
				broken("APPROVED with reasons and a review but no MODERATOR_APPROVED",
						d -> d.put("decision", "APPROVED").putObject("review").put("moderator", "anna")
							.put("reviewedAt", "2026-11-28T03:34:01Z")),
				broken("a review without a moderator",
						d -> d.putObject("review").put("reviewedAt", "2026-11-28T03:34:01Z")),
				broken("HELD_TERM without a match", d -> reason(d, 2).put("code", "HELD_TERM")));
	}

	@ParameterizedTest(name = "rejects {0}")
	@MethodSource("brokenDecisions")
	void rejects(Consumer<ObjectNode> breakIt) {
		ObjectNode decision = (ObjectNode) MAPPER.readTree(REJECTED);
		breakIt.accept(decision);
		byte[] json = MAPPER.writeValueAsBytes(decision);
		assertThat(ContractSchemas.decisionErrors(json)).isNotEmpty();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> ContractSchemas.assertValidDecision(json))
			.withMessageContaining("Not a valid ModerationDecision");
	}

	private static Named<Consumer<ObjectNode>> broken(String name, Consumer<ObjectNode> change) {
		return Named.of(name, change);
	}

	private static ObjectNode reason(ObjectNode decision, int index) {
		return (ObjectNode) decision.get("reasons").get(index);
	}

	private static ObjectNode match(ObjectNode decision, int index) {
		return (ObjectNode) reason(decision, index).get("match");
	}

}
