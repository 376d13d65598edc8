package dev.commentmoderation.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import dev.commentmoderation.workbench.WorkbenchEvents.AuthorAction;
import dev.commentmoderation.workbench.WorkbenchEvents.Verdict;

/**
 * What the workbench published, once the broker acknowledged it: {@code moderation_workbench_verdicts_total} by
 * outcome (approved, rejected_spam, rejected_not_spam) and {@code moderation_workbench_author_actions_total} by
 * action. What the stream made of them is the stream's metrics.
 */
@Component
public class WorkbenchMetrics {

	private final MeterRegistry registry;

	public WorkbenchMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void published(Verdict verdict) {
		Counter.builder("moderation.workbench.verdicts")
			.description("Moderator verdicts published to the reviewed topic")
			.tag("outcome", verdict.outcome())
			.register(this.registry)
			.increment();
	}

	void published(AuthorAction action) {
		Counter.builder("moderation.workbench.author.actions")
			.description("Moderator actions on authors published to the author-actions topic")
			.tag("action", action.action().name())
			.register(this.registry)
			.increment();
	}

}
