package dev.commentmoderation.settings;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import dev.commentmoderation.dryrun.ServiceDefaults;
import dev.commentmoderation.policy.PolicyLoader;
import dev.commentmoderation.rules.StatefulSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dry run's built-in base is what the service builds from application.yml (moderation.rules.*,
 * moderation.policy.max-flood-interval) when no policy file is given: the two cannot drift apart.
 */
class DryRunServiceDefaultsTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

	final Binder binder = applicationYml();

	final RulesConfiguration configuration = new RulesConfiguration();

	@Test
	void theBaseOfTheDryRunIsTheOneTheServiceBuildsFromApplicationYml() {
		RuleProperties rules = this.binder.bindOrCreate("moderation.rules", Bindable.of(RuleProperties.class));
		StatefulSettings stateful = this.configuration.statefulSettings(rules);
		PolicyLoader.Base base = this.configuration.policyBase(rules, stateful);

		assertThat(rules.spamPatterns()).isNotEmpty(); // application.yml was read
		assertThat(base).isEqualTo(ServiceDefaults.BASE);
		assertThat(stateful).isEqualTo(ServiceDefaults.STATEFUL);
	}

	@Test
	void theMaximumFloodIntervalAndSoThePolicyVersionsAreTheServices() {
		RuleProperties rules = this.binder.bindOrCreate("moderation.rules", Bindable.of(RuleProperties.class));
		PolicyProperties policy = this.binder.bindOrCreate("moderation.policy", Bindable.of(PolicyProperties.class));
		PolicyLoader service = new PolicyLoader(
				this.configuration.policyBase(rules, this.configuration.statefulSettings(rules)),
				policy.maxFloodInterval(), CLOCK);

		assertThat(policy.maxFloodInterval()).isEqualTo(ServiceDefaults.MAX_FLOOD_INTERVAL);
		assertThat(ServiceDefaults.loader(CLOCK).baseOnly().version()).isEqualTo(service.baseOnly().version());
	}

	static Binder applicationYml() {
		try {
			MutablePropertySources sources = new MutablePropertySources();
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"))) {
				sources.addLast(source);
			}
			return new Binder(ConfigurationPropertySources.from(sources));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
