package dev.commentmoderation.dryrun;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.commentmoderation.policy.PolicyLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The dry-run command, run in-process on the samples and the example policy: real outcomes, no broker. */
class DryRunTests {

	static final String SAMPLES = "samples/comments.jsonl";

	static final String POLICY = "deploy/policy/moderation-policy.yaml";

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path dir;

	@Test
	void theExamplePolicyRejectsBlockedTermsHoldsHeldTermsAndRemembersAuthorsAcrossTheFile() {
		Result result = run("--policy", POLICY, SAMPLES);

		assertThat(result.status()).isZero();
		assertThat(result.err()).isEmpty();
		assertThat(result.row("c-blocked-term")).containsExactly("19", "c-blocked-term", "_default", "REJECTED", "2",
				"4/8", "BLOCKED_TERM, NEW_AUTHOR+2");
		assertThat(result.row("c-blocked-term-cyrillic")[3]).isEqualTo("REJECTED");
		assertThat(result.row("c-held-term")[3]).isEqualTo("HELD");
		assertThat(result.row("c-held-term")[6]).isEqualTo("HELD_TERM, NEW_AUTHOR+2");
		// weak signals add up: a link (1) and a new author (2) stay below hold-score 4
		assertThat(result.row("c-valid-two-links")).containsSubsequence("APPROVED", "3", "4/8",
				"(LINK+1, NEW_AUTHOR+2)");
		// SUBMITTED_TOO_FAST only scores (3) in this policy: with NEW_AUTHOR (2) it reaches hold-score 4
		assertThat(result.row("c-submitted-too-fast")).containsSubsequence("HELD", "5", "4/8",
				"SUBMITTED_TOO_FAST+3, NEW_AUTHOR+2");
		// the stateful rules see the earlier lines: Maria's second comment 5 s after her first, Jane's again
		assertThat(result.row("c-flood")[6]).isEqualTo("FLOOD, NEW_AUTHOR+2");
		assertThat(result.row("c-duplicate")[6]).isEqualTo("DUPLICATE");
		// no valid email: decided by the first stage alone, no NEW_AUTHOR
		assertThat(result.row("c-email-invalid")[6]).isEqualTo("EMAIL_INVALID");
		assertThat(result.lastLine()).isEqualTo("24 lines: 7 APPROVED, 3 HELD, 14 REJECTED, 0 DEAD_LETTER; policy "
				+ PolicyLoader.withDefaults(CLOCK).load(Path.of(POLICY)).version() + " (" + POLICY + ")");
	}

	@Test
	void withoutAPolicyTheServicesBuiltInDefaultsApply() {
		Result result = run(SAMPLES);

		assertThat(result.status()).isZero();
		// no blocked terms by default; TOO_MANY_LINKS holds; no scores
		assertThat(result.row("c-blocked-term")).containsSubsequence("APPROVED", "0", "off", "-");
		assertThat(result.row("c-too-many-links")).containsSubsequence("HELD", "TOO_MANY_LINKS");
		assertThat(result.row("c-flood")[6]).isEqualTo("FLOOD");
		assertThat(result.lastLine()).endsWith(
				"; policy " + PolicyLoader.withDefaults(CLOCK).baseOnly().version() + " (built-in defaults)");
	}

	@Test
	void aComparisonPrintsOnlyTheCommentsWhoseOutcomeChanges() throws IOException {
		Path stricter = write("stricter.yaml",
				Files.readString(Path.of(POLICY)).replace("held-terms: [refund]", "held-terms: [refund, slides]"));

		Result result = run("--policy", stricter.toString(), "--compare", POLICY, SAMPLES);

		assertThat(result.status()).as("changes found").isEqualTo(1);
		assertThat(result.out().lines()).hasSize(4);
		assertThat(result.row("c-valid-reply")).containsExactly("3", "c-valid-reply", "_default", "APPROVED -> HELD",
				"- -> HELD_TERM,NEW_AUTHOR");
		assertThat(result.out()).doesNotContain("c-valid-first-comment", "c-blocked-term", "c-held-term");
		assertThat(result.lastLine()).startsWith("1 of 24 comments would change (current: policy ");
	}

	@Test
	void aComparisonOfAPolicyWithItselfChangesNothing() {
		Result result = run("--policy", POLICY, "--compare", POLICY, "-");

		assertThat(result.status()).isZero();
		assertThat(result.out().lines()).hasSize(1);
		assertThat(result.lastLine()).startsWith("0 of 24 comments would change");
	}

	@Test
	void aSiteGetsItsOwnRulesAndItsSiteKeyIsShown() throws IOException {
		Path comments = write("kids.jsonl", comment("k-1", "kids-corner", "kid@example.org", "10:00:00Z",
				"See https://games.example for more"));

		Result result = run("--policy", POLICY, comments.toString());

		// kids-corner: max-links 0 and TOO_MANY_LINKS rejects; its score (2) is inherited from the defaults
		assertThat(result.row("k-1")).containsExactly("1", "k-1", "kids-corner", "REJECTED", "7", "2/5",
				"LINK+3, TOO_MANY_LINKS+2, NEW_AUTHOR+2");
	}

	@Test
	void aLineThatIsNotACommentEventIsADeadLetterWithItsCodeAndBlankLinesAreSkipped() throws IOException {
		Path comments = write("mixed.jsonl", comment("ok-1", "example-news", "jane@example.org", "10:00:00Z", "Fine.")
				+ "\n   \nnot json at all\n{\"commentId\": 42}\r\n");

		Result result = run(comments.toString());

		assertThat(result.status()).isZero();
		assertThat(result.line(3)).containsExactly("3", "-", "-", "DEAD_LETTER", "-", "-", "MALFORMED_JSON");
		assertThat(result.line(4)).containsExactly("4", "-", "-", "DEAD_LETTER", "-", "-", "COMMENT_ID_NOT_A_STRING");
		assertThat(result.row("ok-1")[3]).isEqualTo("APPROVED");
		assertThat(result.lastLine()).startsWith("3 lines: 1 APPROVED, 0 HELD, 0 REJECTED, 2 DEAD_LETTER; ");
	}

	@Test
	void aLineWithoutSubmittedAtTakesThePreviousLinesTimeAndAResubmissionGetsItsEarlierDecision()
			throws IOException {
		Path comments = write("times.jsonl", String.join("\n",
				comment("t-1", "example-news", "sam@example.org", "10:00:00Z", "First thought."),
				comment("t-2", "example-news", "sam@example.org", null, "Second thought."),
				comment("t-1", "example-news", "sam@example.org", "10:05:00Z", "First thought.")));

		Result result = run(comments.toString());

		assertThat(result.row("t-2")).containsSubsequence("REJECTED", "FLOOD");
		assertThat(result.rows("t-1")).hasSize(2);
		assertThat(result.rows("t-1").get(1)).containsExactly("3", "t-1", "_default", "APPROVED", "0", "off",
				"- [resubmitted]");
	}

	@Test
	void anInvalidPolicyExitsWith2NamingTheFileAndEveryProblem() throws IOException {
		Path invalid = write("invalid.yaml", """
				defaults:
				  min-submit-time: soon
				sites:
				  a:
				    max-links: many
				""");

		Result result = run("--policy", POLICY, "--compare", invalid.toString(), SAMPLES);

		assertThat(result.status()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("dry-run: " + invalid + " is not a valid moderation policy (")
			.contains("  - sites.a.max-links: ");
	}

	@Test
	void aBadCommandLineExitsWith2AndTheUsage() {
		for (String[] args : List.of(new String[0], new String[] { "--policy" }, new String[] { "--verbose", SAMPLES },
				new String[] { SAMPLES, SAMPLES }, new String[] { "--policy", POLICY, "--policy", POLICY, SAMPLES },
				new String[] { "--format", "yaml", SAMPLES }, new String[] { "--check-policy", POLICY, SAMPLES },
				new String[] { "--check-policy", POLICY, "--policy", POLICY })) {
			Result result = run(args);
			assertThat(result.status()).as(Arrays.toString(args)).isEqualTo(2);
			assertThat(result.err()).as(Arrays.toString(args)).startsWith("dry-run: ").contains("Usage: ");
			assertThat(result.out()).isEmpty();
		}
		Result help = run("--help");
		assertThat(help.status()).isZero();
		assertThat(help.out()).startsWith("Usage: java -jar comment-moderation-<version>.jar dry-run");
	}

	@Test
	void aCommentsFileThatCannotBeReadExitsWith2() {
		Result result = run("--policy", POLICY, this.dir.resolve("missing.jsonl").toString());

		assertThat(result.status()).isEqualTo(2);
		assertThat(result.err()).startsWith("dry-run: cannot read ");
	}

	@Nested
	class CheckPolicy {

		@Test
		void aValidPolicyExitsWith0AndNamesItsVersionAndSites() {
			Result result = run("--check-policy", POLICY);

			assertThat(result.status()).isZero();
			assertThat(result.out()).isEqualTo(POLICY + " is a valid moderation policy: version "
					+ PolicyLoader.withDefaults(CLOCK).load(Path.of(POLICY)).version() + ", sites daily-planet, kids-corner"
					+ ", archive" + System.lineSeparator());
		}

		@Test
		void anInvalidPolicyExitsWith2ListingEveryProblem() throws IOException {
			Path invalid = write("invalid.yaml", INVALID_POLICY);

			Result result = run("--check-policy", invalid.toString());

			assertThat(result.status()).isEqualTo(2);
			assertThat(result.out()).isEmpty();
			assertThat(result.err().lines().filter(line -> line.startsWith("  - "))).hasSize(2)
				.anyMatch(line -> line.startsWith("  - defaults.min-submit-time: "))
				.anyMatch(line -> line.startsWith("  - sites.a.max-links: "));
		}

		@Test
		void aTermFileThePolicyNamesMustExist() throws IOException {
			Path policy = write("terms.yaml", "defaults:\n  blocked-terms-file: missing-terms.txt\n");

			Result result = run("--check-policy", policy.toString());

			assertThat(result.status()).isEqualTo(2);
			assertThat(result.err()).contains("missing-terms.txt");
		}

		@Test
		void asJsonItSaysValidOrListsTheProblems() throws IOException {
			JsonNode valid = json(run("--check-policy", POLICY, "--format", "json"));
			assertThat(valid.path("valid").booleanValue()).isTrue();
			assertThat(valid.path("policy").path("version").stringValue())
				.isEqualTo(PolicyLoader.withDefaults(CLOCK).load(Path.of(POLICY)).version());

			Path invalid = write("invalid.yaml", INVALID_POLICY);
			Result result = run("--check-policy", invalid.toString(), "--format=json");
			assertThat(result.status()).isEqualTo(2);
			JsonNode refused = json(result);
			assertThat(refused.path("valid").booleanValue()).isFalse();
			assertThat(refused.path("file").stringValue()).isEqualTo(invalid.toString());
			assertThat(refused.path("problems")).hasSize(2);
		}

	}

	@Nested
	class JsonFormat {

		@Test
		void everyOutcomeWithReasonsScoreAndThePolicyVersion() {
			Result result = run("--policy", POLICY, "--format", "json", SAMPLES);

			assertThat(result.status()).isZero();
			JsonNode report = json(result);
			assertThat(report.path("policy").path("version").stringValue())
				.isEqualTo(PolicyLoader.withDefaults(CLOCK).load(Path.of(POLICY)).version());
			assertThat(report.path("outcomes")).hasSize(24);
			JsonNode blocked = outcome(report.path("outcomes"), "c-blocked-term");
			assertThat(blocked.path("line").intValue()).isEqualTo(19);
			assertThat(blocked.path("site").stringValue()).isEqualTo("_default");
			assertThat(blocked.path("outcome").stringValue()).isEqualTo("REJECTED");
			assertThat(blocked.path("reasons").values().stream().map(JsonNode::stringValue))
				.containsExactly("BLOCKED_TERM", "NEW_AUTHOR");
			assertThat(blocked.path("score").path("total").decimalValue()).isEqualByComparingTo("2");
			assertThat(blocked.path("score").path("holdAt").decimalValue()).isEqualByComparingTo("4");
			assertThat(report.path("counts").path("APPROVED").intValue()).isEqualTo(7);
			assertThat(report.path("counts").path("REJECTED").intValue()).isEqualTo(14);
		}

		@Test
		void aDeadLetterCarriesItsCodeAndNoComment() throws IOException {
			Path comments = write("broken.jsonl", "not json\n");

			JsonNode outcome = json(run("--format", "json", comments.toString())).path("outcomes").get(0);

			assertThat(outcome.path("outcome").stringValue()).isEqualTo("DEAD_LETTER");
			assertThat(outcome.path("deadLetter").stringValue()).isEqualTo("MALFORMED_JSON");
			assertThat(outcome.has("commentId")).isFalse();
		}

		@Test
		void aComparisonListsEachChangeBeforeAndAfterAndExitsWith1() throws IOException {
			Path stricter = write("stricter.yaml",
					Files.readString(Path.of(POLICY)).replace("held-terms: [refund]", "held-terms: [refund, slides]"));

			Result result = run("--policy", stricter.toString(), "--compare", POLICY, "--format", "json", SAMPLES);

			assertThat(result.status()).isEqualTo(1);
			JsonNode report = json(result);
			assertThat(report.path("comments").intValue()).isEqualTo(24);
			assertThat(report.path("changed").intValue()).isEqualTo(1);
			JsonNode change = report.path("changes").get(0);
			assertThat(change.path("commentId").stringValue()).isEqualTo("c-valid-reply");
			assertThat(change.path("before").path("outcome").stringValue()).isEqualTo("APPROVED");
			assertThat(change.path("after").path("outcome").stringValue()).isEqualTo("HELD");
			assertThat(change.path("after").path("reasons").values().stream().map(JsonNode::stringValue))
				.containsExactly("HELD_TERM", "NEW_AUTHOR");
			assertThat(report.path("new").path("file").stringValue()).isEqualTo(stricter.toString());
		}

		@Test
		void aComparisonWithoutChangesExitsWith0() {
			Result result = run("--policy", POLICY, "--compare", POLICY, "--format", "json", SAMPLES);

			assertThat(result.status()).isZero();
			assertThat(json(result).path("changes")).isEmpty();
		}

		@Test
		void anInvalidPolicyIsAJsonDocumentToo() throws IOException {
			Path invalid = write("invalid.yaml", INVALID_POLICY);

			Result result = run("--policy", invalid.toString(), "--format", "json", SAMPLES);

			assertThat(result.status()).isEqualTo(2);
			assertThat(json(result).path("problems")).hasSize(2);
		}

		private static JsonNode outcome(JsonNode outcomes, String commentId) {
			return outcomes.values().stream().filter(node -> commentId.equals(node.path("commentId").stringValue()))
				.findFirst().orElseThrow(() -> new AssertionError("no outcome of " + commentId));
		}

	}

	static final String INVALID_POLICY = """
			defaults:
			  min-submit-time: soon
			sites:
			  a:
			    max-links: many
			""";

	static JsonNode json(Result result) {
		return JsonMapper.builder().build().readTree(result.out());
	}

	@Test
	void theOutputNamesCommentsByIdOnlyNeverAnEmailAnIpANameOrTheText() throws IOException {
		Path stricter = write("stricter.yaml", Files.readString(Path.of(POLICY)).replace("hold-score: 4", "hold-score: 2"));
		String output = run("--policy", POLICY, SAMPLES).out() + run("--policy", stricter.toString(), "--compare",
				POLICY, SAMPLES).out() + run("--policy", POLICY, "--format", "json", SAMPLES).out()
				+ run("--policy", stricter.toString(), "--compare", POLICY, "--format", "json", SAMPLES).out();

		List<String> personal = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		for (String line : Files.readAllLines(Path.of(SAMPLES))) {
			JsonNode event = json.readTree(line);
			for (JsonNode value : List.of(event.path("author").path("email"), event.path("author").path("ip"),
					event.path("author").path("name"), event.path("content"))) {
				if (value.isString() && !value.stringValue().isBlank()) {
					personal.add(value.stringValue());
				}
			}
		}
		assertThat(personal).hasSizeGreaterThan(60);
		assertThat(output).contains("c-valid-first-comment").doesNotContain(personal).doesNotContain("@");
		assertThat(output).doesNotContainPattern("\\d+\\.\\d+\\.\\d+\\.\\d+");
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}

	static String comment(String id, String site, String email, String time, String content) {
		return "{\"commentId\": \"" + id + "\", \"postId\": \"p-1\", \"siteId\": \"" + site
				+ "\", \"author\": {\"name\": \"A Reader\", \"email\": \"" + email + "\", \"ip\": \"192.0.2.1\"}, "
				+ ((time != null) ? "\"submittedAt\": \"2026-11-28T" + time + "\", " : "") + "\"content\": \""
				+ content + "\"}";
	}

	static Result run(String... args) {
		InputStream stdin;
		try {
			stdin = new ByteArrayInputStream(Files.readAllBytes(Path.of(SAMPLES)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new DryRun(stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK).run(args);
		return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** What the command printed, and its exit status. Rows are split on the table's column gaps. */
	record Result(int status, String out, String err) {

		List<String[]> rows(String commentId) {
			return out().lines().map(line -> line.split("\\s{2,}"))
				.filter(columns -> columns.length > 1 && columns[1].equals(commentId))
				.toList();
		}

		String[] row(String commentId) {
			List<String[]> rows = rows(commentId);
			assertThat(rows).as("rows of " + commentId + " in\n" + out()).hasSize(1);
			return rows.get(0);
		}

		String[] line(int number) {
			return out().lines().map(line -> line.split("\\s{2,}"))
				.filter(columns -> columns[0].equals(String.valueOf(number)))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no line " + number + " in\n" + out()));
		}

		String lastLine() {
			List<String> lines = out().lines().toList();
			return lines.get(lines.size() - 1);
		}

	}

}
