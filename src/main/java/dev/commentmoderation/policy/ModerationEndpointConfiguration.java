package dev.commentmoderation.policy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The moderator view over the active policy, its file watch and the rule hits the metrics count. */
@Configuration(proxyBeanMethods = false)
class ModerationEndpointConfiguration {

	@Bean
	ModerationEndpoint moderationEndpoint(ActivePolicy activePolicy, PolicyConfiguration.PolicyWatch policyWatch,
			PolicyProperties properties, ObjectProvider<RuleHits> ruleHits) {
		return new ModerationEndpoint(activePolicy, policyWatch::refusal, properties.reloadInterval(),
				ruleHits.getIfAvailable(() -> RuleHits.NONE));
	}

}
