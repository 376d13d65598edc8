package dev.commentmoderation.settings;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.policy.PolicyLoader;
import dev.commentmoderation.policy.PolicyProperties;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults of the moderation settings are defined once, in the plain-Java core (RuleSettings.DEFAULTS,
 * StatefulSettings.DEFAULTS, ClassifierSettings.DEFAULTS, PolicyLoader.DEFAULT_MAX_FLOOD_INTERVAL), which the
 * dry run uses too. The service takes them when a property is not set; application.yml does not repeat them; the
 * configuration metadata, which IDEs show, states them as documentation, checked here.
 */
class DefaultsTests {

	@Nested
	class WhenApplicationYmlSetsNothingElse {

		final Binder binder = applicationYml();

		@Test
		void theRulesAreTheCoresDefaults() {
			RuleProperties rules = this.binder.bindOrCreate("moderation.rules", Bindable.of(RuleProperties.class));

			assertThat(RulesConfiguration.toRuleSettings(rules)).isEqualTo(RuleSettings.DEFAULTS);
		}

		@Test
		void theStatefulSettingsAreTheCoresDefaults() {
			RuleProperties rules = this.binder.bindOrCreate("moderation.rules", Bindable.of(RuleProperties.class));

			assertThat(new RulesConfiguration().statefulSettings(rules)).isEqualTo(StatefulSettings.DEFAULTS);
		}

		@Test
		void theClassifierSettingsAreTheCoresDefaults() {
			ClassifierProperties classifier = this.binder.bindOrCreate("moderation.classifier",
					Bindable.of(ClassifierProperties.class));

			assertThat(classifier.enabled()).isTrue();
			assertThat(classifier.toSettings()).isEqualTo(ClassifierSettings.DEFAULTS);
		}

		@Test
		void theLongestFloodIntervalIsThePolicysDefault() {
			PolicyProperties policy = this.binder.bindOrCreate("moderation.policy",
					Bindable.of(PolicyProperties.class));

			assertThat(policy.maxFloodInterval()).isEqualTo(PolicyLoader.DEFAULT_MAX_FLOOD_INTERVAL);
		}

	}

	@Nested
	class ASetPropertyStillWins {

		@Test
		void overAnIntegerDefault() {
			RuleProperties rules = bind("moderation.rules.max-links", "0");

			assertThat(rules.maxLinks()).isZero();
		}

		@Test
		void overADurationDefault() {
			RuleProperties rules = bind("moderation.rules.flood-interval", "0s");

			assertThat(rules.floodInterval()).isZero();
		}

		@Test
		void overAListDefaultEvenWithAnEmptyList() {
			RuleProperties rules = bind("moderation.rules.spam-patterns", "");

			assertThat(rules.spamPatterns()).isEmpty();
		}

		RuleProperties bind(String name, String value) {
			Binder binder = new Binder(ConfigurationPropertySources.from(
					new MapPropertySource("test", Map.of(name, value))));
			return binder.bindOrCreate("moderation.rules", Bindable.of(RuleProperties.class));
		}

	}

	@Nested
	class TheConfigurationMetadata {

		final ConversionService conversion = ApplicationConversionService.getSharedInstance();

		@Test
		void statesTheCoresDefaults() throws IOException {
			RuleSettings rules = RuleSettings.DEFAULTS;
			StatefulSettings stateful = StatefulSettings.DEFAULTS;
			Map<String, Object> expected = new LinkedHashMap<>();
			expected.put("moderation.rules.max-name-bytes", rules.maxNameBytes());
			expected.put("moderation.rules.max-email-bytes", rules.maxEmailBytes());
			expected.put("moderation.rules.max-url-bytes", rules.maxUrlBytes());
			expected.put("moderation.rules.max-content-bytes", rules.maxContentBytes());
			expected.put("moderation.rules.max-links", rules.maxLinks());
			expected.put("moderation.rules.blocked-terms", rules.blockedTerms());
			expected.put("moderation.rules.spam-patterns", rules.spamPatterns());
			expected.put("moderation.rules.min-submit-time", rules.minSubmitTime());
			expected.put("moderation.rules.held-terms", rules.heldTerms());
			expected.put("moderation.rules.flood-interval", stateful.floodInterval());
			expected.put("moderation.rules.duplicate-retention", stateful.duplicateRetention());
			expected.put("moderation.rules.decision-retention", stateful.decisionRetention());
			expected.put("moderation.rules.trusted-author-min-approved", stateful.trustedAuthorMinApproved());
			expected.put("moderation.rules.author-retention", stateful.authorRetention());
			expected.put("moderation.rules.held-retention", stateful.heldRetention());
			expected.put("moderation.policy.max-flood-interval", PolicyLoader.DEFAULT_MAX_FLOOD_INTERVAL);
			ClassifierSettings classifier = ClassifierSettings.DEFAULTS;
			expected.put("moderation.classifier.min-spam-labels", classifier.minSpamLabels());
			expected.put("moderation.classifier.min-ham-labels", classifier.minHamLabels());
			expected.put("moderation.classifier.hold-at", classifier.holdAt());
			expected.put("moderation.classifier.reject-at", classifier.rejectAt());
			expected.put("moderation.classifier.max-tokens", classifier.maxTokens());
			expected.put("moderation.classifier.per-site-models", classifier.perSiteModels());
			expected.put("moderation.classifier.autolearn", classifier.autolearn());
			expected.put("moderation.classifier.autolearn-spam-at", classifier.autolearnSpamAt());
			expected.put("moderation.classifier.autolearn-ham-below", classifier.autolearnHamBelow());

			Map<String, JsonNode> stated = statedDefaults();

			assertThat(stated).containsKeys(expected.keySet().toArray(String[]::new));
			expected.forEach((name, value) -> assertThat(read(stated.get(name), value.getClass())).as(name)
				.isEqualTo(value));
		}

		/**
		 * The defaults the additional metadata states; the configuration processor merges them into the metadata it
		 * generates (read here rather than its output, which an incremental build may not have regenerated).
		 */
		Map<String, JsonNode> statedDefaults() throws IOException {
			try (InputStream in = new ClassPathResource("META-INF/additional-spring-configuration-metadata.json")
				.getInputStream()) {
				Map<String, JsonNode> defaults = new LinkedHashMap<>();
				for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
					if (property.has("defaultValue")) {
						defaults.put(property.path("name").stringValue(), property.path("defaultValue"));
					}
				}
				return defaults;
			}
		}

		Object read(JsonNode value, Class<?> type) {
			if (value.isArray()) {
				return value.valueStream().map(JsonNode::stringValue).toList();
			}
			if (type == Duration.class) {
				return this.conversion.convert(value.stringValue(), Duration.class);
			}
			if (type == Double.class) {
				return value.doubleValue();
			}
			if (type == Boolean.class) {
				return value.booleanValue();
			}
			return value.intValue();
		}

	}

	static Binder applicationYml() {
		try {
			MutablePropertySources sources = new MutablePropertySources();
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"))) {
				sources.addLast(source);
			}
			assertThat(sources.size()).as("application.yml was read").isPositive();
			return new Binder(ConfigurationPropertySources.from(sources));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
