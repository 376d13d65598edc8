package dev.commentmoderation.policy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.ReasonCode;
import dev.commentmoderation.rules.RuleAction;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyLoaderTests {

	@Test
	void anEmptyFileIsTheBaseSettings() {
		Policy policy = Policies.parse("");
		assertThat(policy.defaults().settings()).isEqualTo(RuleSettings.DEFAULTS);
		assertThat(policy.defaults().decisionRules()).isEqualTo(Policies.BASE.decisionRules());
		assertThat(policy.sites()).isEmpty();
	}

	@Test
	void defaultsOverrideOnlyWhatTheyName() {
		Policy policy = Policies.parse("""
				defaults:
				  max-links: 5
				  blocked-terms: [casino]
				""");
		RuleSettings settings = policy.defaults().settings();
		assertThat(settings.maxLinks()).isEqualTo(5);
		assertThat(settings.blockedTerms()).containsExactly("casino");
		assertThat(settings.maxNameBytes()).isEqualTo(RuleSettings.DEFAULTS.maxNameBytes());
		assertThat(settings.spamPatterns()).isEqualTo(RuleSettings.DEFAULTS.spamPatterns());
		assertThat(settings.minSubmitTime()).isEqualTo(RuleSettings.DEFAULTS.minSubmitTime());
	}

	@Test
	void theExampleInTheRepositoryIsAValidPolicy() {
		Policy policy = Policies.LOADER.load(Path.of(System.getProperty("basedir", "."))
			.resolve("deploy/policy/moderation-policy.yaml"));
		assertThat(policy.sites()).containsOnlyKeys("daily-planet", "kids-corner", "archive");
		assertThat(policy.forSite("kids-corner").settings().actions().of(ReasonCode.TOO_MANY_LINKS))
			.isEqualTo(RuleAction.REJECT);
	}

	@Test
	void durationsAreWrittenAsInSpringProperties() {
		Policy policy = Policies.parse("""
				defaults: {min-submit-time: 500ms, flood-interval: PT30S}
				sites:
				  a: {min-submit-time: 2m, flood-interval: 0s}
				""");
		assertThat(policy.defaults().settings().minSubmitTime()).isEqualTo(Duration.ofMillis(500));
		assertThat(policy.defaults().decisionRules().floodInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(policy.forSite("a").settings().minSubmitTime()).isEqualTo(Duration.ofMinutes(2));
		assertThat(policy.forSite("a").decisionRules().floodInterval()).isZero();
	}

	@Test
	void termFilesAreReadRelativeToThePolicyFileAndJoinTheTermsOfTheirLevel(@TempDir Path dir) {
		Policies.write(dir.resolve("lists/blocked.txt"), "# spam words\ncasino\n\n  viagra  \n");
		Path file = Policies.write(dir.resolve("policy.yaml"), """
				defaults:
				  blocked-terms: [free money]
				  blocked-terms-file: lists/blocked.txt
				""");
		Policy policy = Policies.LOADER.load(file);
		assertThat(policy.defaults().settings().blockedTerms()).containsExactly("free money", "casino", "viagra");
		assertThat(policy.files()).containsExactly(dir.resolve("lists/blocked.txt"));
	}

	@Test
	void theVersionIsAHashOfTheContentAndOfTheTermFilesItNames(@TempDir Path dir) {
		Path terms = Policies.write(dir.resolve("blocked.txt"), "casino\n");
		Path file = Policies.write(dir.resolve("policy.yaml"), "defaults: {blocked-terms-file: blocked.txt}\n");
		String first = Policies.LOADER.load(file).version();
		assertThat(first).matches("[0-9a-f]{16}");
		assertThat(Policies.LOADER.load(file).version()).isEqualTo(first);
		Policies.write(terms, "casino\nviagra\n");
		assertThat(Policies.LOADER.load(file).version()).isNotEqualTo(first);
	}

	@Test
	void theVersionChangesWithTheBaseSettingsTheFileInheritsFrom() {
		PolicyLoader otherBase = new PolicyLoader(new PolicyLoader.Base(
				RuleSettings.DEFAULTS.withBlockedTerms(List.of("casino")), Policies.BASE.decisionRules()),
				Duration.ofHours(1), java.time.Clock.systemUTC());
		byte[] same = "defaults: {max-links: 3}".getBytes();
		assertThat(otherBase.parse(same, Path.of("p.yaml")).version())
			.isNotEqualTo(Policies.LOADER.parse(same, Path.of("p.yaml")).version());
		assertThat(otherBase.baseOnly().version()).isNotEqualTo(Policies.LOADER.baseOnly().version());
	}

	@Test
	void scoresAndThresholdsAreExactDecimals() {
		Policy policy = Policies.parse("""
				defaults:
				  hold-score: 0.3
				  rules: {LINK: {score: 0.1}, NEW_AUTHOR: {score: 0.2}}
				""");
		assertThat(policy.defaults().settings().actions().holdAt()).isEqualByComparingTo("0.3");
		assertThat(policy.defaults().settings().actions().scoreOf(ReasonCode.LINK)
			.add(policy.defaults().settings().actions().scoreOf(ReasonCode.NEW_AUTHOR)))
			.isEqualByComparingTo(new BigDecimal("0.3"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			a number where a count belongs         | defaults: {max-links: two}                         | defaults.max-links
			a negative limit                       | defaults: {max-links: -1}                          | defaults.max-links
			a zero field limit                     | sites: {a: {max-content-bytes: 0}}                 | sites.a.max-content-bytes
			an unknown key (a typo)                | defaults: {max-link: 3}                            | max-link
			an unknown top-level key               | default: {max-links: 3}                            | default
			a rule that is not a reason code       | defaults: {rules: {LINKS: {score: 1}}}             | LINKS
			a rule whose action is fixed           | defaults: {rules: {EMAIL_INVALID: {action: HOLD}}} | EMAIL_INVALID
			an unknown action                      | defaults: {rules: {LINK: {action: IGNORE}}}        | defaults.rules.LINK.action
			a negative score                       | defaults: {rules: {LINK: {score: -1}}}             | defaults.rules.LINK.score
			an empty rule                          | defaults: {rules: {LINK: {}}}                      | defaults.rules.LINK
			a zero threshold                       | defaults: {hold-score: 0}                          | defaults.hold-score
			a duration without a unit              | defaults: {min-submit-time: '5'}                   | defaults.min-submit-time
			a duration in words                    | defaults: {flood-interval: 5 seconds}              | defaults.flood-interval
			an empty term                          | defaults: {blocked-terms: ['']}                    | defaults.blocked-terms[0]
			terms that are not a list              | defaults: {blocked-terms: casino}                  | defaults.blocked-terms
			a site with an empty name              | "sites: {'': {max-links: 1}}"                      | sites
			the reserved site name                 | "sites: {_default: {max-links: 1}}"                | sites
			a document that is a list              | "[1, 2]"                                           | (file)
			""")
	void aFileAgainstTheSchemaIsRefusedNamingWhere(String what, String yaml, String where) {
		assertThatThrownBy(() -> Policies.parse(yaml)).isInstanceOf(PolicyException.class)
			.hasMessageContaining("policy.yaml is not a valid moderation policy")
			.hasMessageContaining(where);
	}

	@Test
	void aSpamPatternThatIsNotRe2IsRefusedNamingItsIndex() {
		assertThatThrownBy(() -> Policies.parse("""
				sites:
				  a: {extra-spam-patterns: ['ok', '(?<=x)y']}
				""")).isInstanceOf(PolicyException.class)
			.hasMessageContaining("sites.a.extra-spam-patterns[1]: \"(?<=x)y\" is not a valid RE2 regular expression");
	}

	@Test
	void aHoldScoreAtOrAboveTheRejectScoreIsRefused() {
		assertThatThrownBy(() -> Policies.parse("""
				defaults: {hold-score: 5, reject-score: 10}
				sites:
				  a: {hold-score: 10}
				""")).isInstanceOf(PolicyException.class)
			.hasMessageContaining("sites.a.hold-score: 10 must be below reject-score (10)");
	}

	@Test
	void aProblemOfTheDefaultsIsReportedOnceNotAgainInEverySiteThatInheritsIt() {
		assertThatThrownBy(() -> Policies.parse("""
				defaults: {hold-score: 5, reject-score: 5}
				sites: {a: {max-links: 1}, b: {max-links: 2}}
				""")).isInstanceOfSatisfying(PolicyException.class,
						ex -> assertThat(ex.problems()).singleElement().asString().startsWith("defaults.hold-score"));
	}

	@Test
	void aFloodIntervalLongerThanTheFloodStoresKeepIsRefused() {
		assertThatThrownBy(() -> Policies.parse("defaults: {flood-interval: 2h}"))
			.isInstanceOf(PolicyException.class)
			.hasMessageContaining("defaults.flood-interval: PT2H is longer than moderation.policy.max-flood-interval");
	}

	@Test
	void baseSettingsWithAFloodIntervalLongerThanTheFloodStoresKeepAreRefusedNamingTheProperty() {
		PolicyLoader.Base base = new PolicyLoader.Base(RuleSettings.DEFAULTS,
				DecisionRules.of(RuleSettings.DEFAULTS.actions(), new StatefulSettings(Duration.ofHours(2),
						Duration.ofDays(7), Duration.ofDays(7), 1, Duration.ofDays(365), Duration.ofDays(30))));

		assertThatThrownBy(() -> new PolicyLoader(base, Duration.ofHours(1), Clock.systemUTC()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("moderation.rules.flood-interval: PT2H is longer than moderation.policy.max-flood-interval "
					+ "(PT1H), the longest the flood stores keep");
	}

	@Test
	void aMissingTermFileIsRefusedNamingTheKey(@TempDir Path dir) {
		Path file = Policies.write(dir.resolve("policy.yaml"), "sites: {a: {held-terms-file: nope.txt}}\n");
		assertThatThrownBy(() -> Policies.LOADER.load(file)).isInstanceOf(PolicyException.class)
			.hasMessageContaining("sites.a.held-terms-file: cannot read " + dir.resolve("nope.txt"));
	}

	@Test
	void yamlThatDoesNotParseIsRefusedWithItsLine() {
		assertThatThrownBy(() -> Policies.parse("defaults:\n  max-links: [1\n")).isInstanceOf(PolicyException.class)
			.hasMessageContaining("not valid YAML")
			.hasMessageContaining("line ");
	}

	@Test
	void aDuplicateKeyIsRefused() {
		assertThatThrownBy(() -> Policies.parse("defaults:\n  max-links: 1\n  max-links: 2\n"))
			.isInstanceOf(PolicyException.class)
			.hasMessageContaining("max-links");
	}

	@Test
	void aMissingFileIsRefused(@TempDir Path dir) {
		assertThatThrownBy(() -> Policies.LOADER.load(dir.resolve("absent.yaml"))).isInstanceOf(PolicyException.class)
			.hasMessageContaining("cannot read the file");
	}

	@Test
	void everyProblemAgainstTheSchemaIsReportedNotOnlyTheFirst() {
		assertThatThrownBy(() -> Policies.parse("""
				defaults: {min-submit-time: soon, max-links: many}
				sites:
				  a: {hold-score: -1}
				""")).isInstanceOfSatisfying(PolicyException.class,
						ex -> assertThat(ex.problems()).hasSize(3)
							.anySatisfy(p -> assertThat(p).startsWith("defaults.min-submit-time"))
							.anySatisfy(p -> assertThat(p).startsWith("defaults.max-links"))
							.anySatisfy(p -> assertThat(p).startsWith("sites.a.hold-score")));
	}

	@Test
	void everyProblemBeyondTheSchemaIsReportedNotOnlyTheFirst() {
		assertThatThrownBy(() -> Policies.parse("""
				defaults: {spam-patterns: ['(']}
				sites:
				  a: {flood-interval: 3h}
				  b: {hold-score: 3, reject-score: 2}
				""")).isInstanceOfSatisfying(PolicyException.class,
						ex -> assertThat(ex.problems()).hasSize(3)
							.anySatisfy(p -> assertThat(p).startsWith("defaults.spam-patterns[0]"))
							.anySatisfy(p -> assertThat(p).startsWith("sites.a.flood-interval"))
							.anySatisfy(p -> assertThat(p).startsWith("sites.b.hold-score")));
	}

}
