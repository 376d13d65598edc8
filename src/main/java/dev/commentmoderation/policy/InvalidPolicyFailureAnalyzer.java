package dev.commentmoderation.policy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by an invalid policy file: say which property, which file and every problem, without a stack trace. */
class InvalidPolicyFailureAnalyzer extends AbstractFailureAnalyzer<PolicyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PolicyException cause) {
		return new FailureAnalysis(
				"moderation.policy.file: " + cause.getMessage().replace("; ", "\n    "),
				"Fix the policy file (format: contract/moderation-policy.schema.json; check a change first with the "
						+ "dry run, see docs/policies.md), or unset moderation.policy.file to run on the "
						+ "moderation.rules.* settings alone.",
				cause);
	}

}
