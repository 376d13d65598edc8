package dev.commentmoderation.policy;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.commentmoderation.settings.PolicyProperties;

/** The moderator view over the active policy, its file watch and the rule hit counters. */
@Configuration(proxyBeanMethods = false)
class ModerationEndpointConfiguration {

	@Bean
	ModerationEndpoint moderationEndpoint(ActivePolicy activePolicy, PolicyConfiguration.PolicyWatch policyWatch,
			PolicyProperties properties, MeterRegistry registry) {
		return new ModerationEndpoint(activePolicy, policyWatch::refusal, properties.reloadInterval(), registry);
	}

}
