package dev.commentmoderation.demosite;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The current outcome of recent comments, by commentId, in memory (the most recent 10,000): the decision with the
 * highest revision ({@link DecisionOrder}), whatever the order the decision topics are read in.
 */
@Component
public class DecisionBoard {

	private static final int CAPACITY = 10_000;

	private final Map<String, Revised> outcomes = new LinkedHashMap<>(256, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Revised> eldest) {
			return size() > CAPACITY;
		}

	};

	/** Records a decision unless the board has one it must keep. */
	public synchronized void record(String commentId, int revision, Outcome outcome) {
		Revised known = this.outcomes.get(commentId);
		if (known != null && !DecisionOrder.replaces(revision, outcome.status(), known.revision(),
				known.outcome().status())) {
			return;
		}
		this.outcomes.put(commentId, new Revised(revision, outcome));
	}

	public synchronized Outcome outcome(String commentId) {
		Revised known = this.outcomes.get(commentId);
		return (known != null) ? known.outcome() : Outcome.AWAITING;
	}

	private record Revised(int revision, Outcome outcome) {
	}

}
