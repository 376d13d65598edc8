package dev.commentmoderation.web.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by a workbench setting: the property and the problem, without a stack trace. */
class InvalidWorkbenchSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidWorkbenchSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidWorkbenchSettingException cause) {
		return new FailureAnalysis(cause.getMessage().replace("; ", "\n    "),
				"Fix the setting: see docs/moderators.md, \"The workbench\", \"Login set-up\".", cause);
	}

}
