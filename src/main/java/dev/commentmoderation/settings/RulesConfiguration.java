package dev.commentmoderation.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;
import dev.commentmoderation.rules.TermFile;

/**
 * Turns the validated {@code moderation.rules.*} settings into the core's values; the policy builds its base from
 * them (policy.PolicyConfiguration).
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	/** The rule settings a policy file inherits from, and the whole policy's when there is none. */
	@Bean
	RuleSettings ruleSettings(RuleProperties rules) {
		return toRuleSettings(rules);
	}

	@Bean
	StatefulSettings statefulSettings(RuleProperties rules) {
		return new StatefulSettings(rules.floodInterval(), rules.duplicateRetention(), rules.decisionRetention(),
				rules.trustedAuthorMinApproved(), rules.authorRetention(), rules.heldRetention());
	}

	static RuleSettings toRuleSettings(RuleProperties rules) {
		List<String> blockedTerms = new ArrayList<>(rules.blockedTerms());
		if (rules.blockedTermsFile() != null) {
			blockedTerms.addAll(readTerms(rules.blockedTermsFile()));
		}
		List<String> heldTerms = new ArrayList<>(rules.heldTerms());
		if (rules.heldTermsFile() != null) {
			heldTerms.addAll(readTerms(rules.heldTermsFile(), "held-terms-file"));
		}
		return new RuleSettings(rules.maxNameBytes(), rules.maxEmailBytes(), rules.maxUrlBytes(),
				rules.maxContentBytes(), rules.maxLinks(), blockedTerms, rules.spamPatterns(), rules.minSubmitTime(),
				heldTerms, new RuleActions(rules.actions()));
	}

	/** A {@link TermFile}, strictly UTF-8. */
	static List<String> readTerms(Path file) {
		return readTerms(file, "blocked-terms-file");
	}

	static List<String> readTerms(Path file, String property) {
		try {
			return TermFile.terms(String.join("\n", Files.readAllLines(file, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"moderation.rules." + property + ": cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

}
