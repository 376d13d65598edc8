package dev.commentmoderation.classifier;

import java.util.List;

/**
 * What one change of a model (a learn, an unlearn, a prune) changed: the new counts of each token it touched, a
 * tombstone ({@code counts == null}) for each token it removed, and the label totals after it. This is what the
 * model stage publishes to the compacted model topic, keyed by (site, token), the totals under
 * {@link ModelRecords#TOTALS}; replaying every delta in order onto an empty model gives the same model.
 *
 * @param site the model's site ({@link ModelSelector#SHARED} for the shared model)
 * @param tokens the changed tokens, each once, in a stable order
 * @param spamLabels spam labels after the change
 * @param hamLabels ham labels after the change
 * @param sequence the model's sequence number after the change
 */
public record ModelDelta(String site, List<Change> tokens, long spamLabels, long hamLabels, long sequence) {

	public ModelDelta {
		tokens = List.copyOf(tokens);
	}

	/** A token's new counts, or null when the token was removed (a tombstone on the compacted topic). */
	public record Change(String token, TokenCounts counts) {

		public boolean isTombstone() {
			return this.counts == null;
		}

	}

	/** Whether the change left the model as it was (a label repeated for the same comment). */
	public boolean isEmpty() {
		return this.tokens.isEmpty();
	}

}
