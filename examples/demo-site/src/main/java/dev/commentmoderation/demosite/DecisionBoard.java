package dev.commentmoderation.demosite;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The latest known outcome of recent comments, by commentId, in memory (the most recent 10,000). A final decision
 * (APPROVED, REJECTED) is never replaced by HELD: decisions arrive on different topics, in no guaranteed order.
 */
@Component
public class DecisionBoard {

	private static final int CAPACITY = 10_000;

	private final Map<String, Outcome> outcomes = new LinkedHashMap<>(256, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Outcome> eldest) {
			return size() > CAPACITY;
		}

	};

	public synchronized void record(String commentId, Outcome outcome) {
		Outcome known = this.outcomes.get(commentId);
		if (known == null || !known.status().isFinal()) {
			this.outcomes.put(commentId, outcome);
		}
	}

	public synchronized Outcome outcome(String commentId) {
		return this.outcomes.getOrDefault(commentId, Outcome.AWAITING);
	}

}
