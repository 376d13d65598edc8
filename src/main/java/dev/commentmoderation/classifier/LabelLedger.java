package dev.commentmoderation.classifier;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns moderator verdicts into learn and unlearn steps so that each comment counts once, with its latest label:
 * a label repeated for the same comment changes nothing, a changed label unlearns the old one and learns the new
 * one. It remembers, per commentId, the label and the tokens that were learned, so that an unlearn takes back
 * exactly what was learned even if feature extraction changed since. In the service the model stage owns a
 * {@link Store} backed by a state store keyed by commentId; the offline tools use {@link #inMemory()}.
 */
public final class LabelLedger {

	/** Where the ledger keeps what was learned per comment. */
	public interface Store {

		/** What was learned for the comment, or null if nothing was. */
		Learned get(String commentId);

		/** Remembers what was learned; {@code learned} null forgets the comment. */
		void put(String commentId, Learned learned);

	}

	/** The label and the tokens learned for one comment. */
	public record Learned(Label label, List<String> tokens) {

		public Learned {
			Objects.requireNonNull(label, "label");
			tokens = List.copyOf(tokens);
		}

	}

	/** One step to apply to every model the comment counts in (its site's and the shared one). */
	public record Step(boolean learn, Label label, List<String> tokens) {

		public ModelDelta applyTo(InMemoryModel model) {
			return this.learn ? model.learn(this.tokens, this.label) : model.unlearn(this.tokens, this.label);
		}

	}

	private final Store store;

	public LabelLedger(Store store) {
		this.store = Objects.requireNonNull(store, "store");
	}

	/** A ledger in a hash map, for the offline tools. */
	public static LabelLedger inMemory() {
		Map<String, Learned> map = new HashMap<>();
		return new LabelLedger(new Store() {

			@Override
			public Learned get(String commentId) {
				return map.get(commentId);
			}

			@Override
			public void put(String commentId, Learned learned) {
				if (learned == null) {
					map.remove(commentId);
					return;
				}
				map.put(commentId, learned);
			}

		});
	}

	/**
	 * Records a verdict's label for a comment; a null label (a rejection that is not for spam) is no label, and
	 * takes back the comment's earlier one.
	 * @return the steps to apply, in order: none for a repeated label, a learn for a first one, an unlearn of the
	 * previous label and a learn of the new one for a correction
	 */
	public List<Step> record(String commentId, Label label, Collection<String> tokens) {
		Objects.requireNonNull(commentId, "commentId");
		Learned previous = this.store.get(commentId);
		if (label == null) {
			// a verdict that is no label (a rejection not for spam) takes back an earlier one
			if (previous == null) {
				return List.of();
			}
			this.store.put(commentId, null);
			return List.of(new Step(false, previous.label(), previous.tokens()));
		}
		if (previous != null && previous.label() == label) {
			return List.of();
		}
		Learned learned = new Learned(label, List.copyOf(new java.util.LinkedHashSet<>(tokens)));
		this.store.put(commentId, learned);
		Step learn = new Step(true, label, learned.tokens());
		if (previous == null) {
			return List.of(learn);
		}
		return List.of(new Step(false, previous.label(), previous.tokens()), learn);
	}

}
