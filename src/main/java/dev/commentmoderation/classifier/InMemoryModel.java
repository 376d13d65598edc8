package dev.commentmoderation.classifier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Robinson–Fisher token-count model of one site (or the shared one) in memory: per token, how many spam and how
 * many ham comments held it, plus the label totals. Used by the offline tools and tests; in the service the model
 * stage keeps the same counts in a state store and publishes the same {@link ModelDelta}s.
 * <p>
 * Learning or unlearning a comment changes only its own tokens. A model never holds more than {@code maxTokens}
 * tokens: when a learn goes past it, the rarest tokens (fewest comments, then the oldest change) are pruned down to
 * 90 % of it, so pruning runs once per many learns, as Bogofilter's and SpamAssassin's expiry keep the database
 * bounded by dropping rare, unused tokens. Label totals are not changed by pruning. Not thread-safe: one writer.
 */
public final class InMemoryModel implements ModelView {

	private final String site;

	private final int maxTokens;

	private final Map<String, Entry> tokens = new HashMap<>();

	private long spamLabels;

	private long hamLabels;

	private long sequence;

	/** Per token: its counts and the sequence number of its last change (the older, the sooner pruned). */
	private record Entry(TokenCounts counts, long changed) {
	}

	public InMemoryModel(String site, int maxTokens) {
		this.site = Objects.requireNonNull(site, "site");
		if (maxTokens < 1) {
			throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
		}
		this.maxTokens = maxTokens;
	}

	/** A model with the counts of a model file (see {@link ModelFile}). */
	public static InMemoryModel of(String site, int maxTokens, long spamLabels, long hamLabels, long sequence,
			Map<String, TokenCounts> counts) {
		InMemoryModel model = new InMemoryModel(site, maxTokens);
		model.spamLabels = spamLabels;
		model.hamLabels = hamLabels;
		model.sequence = sequence;
		counts.forEach((token, c) -> {
			if (!c.isZero()) {
				model.tokens.put(token, new Entry(c, 0));
			}
		});
		return model;
	}

	public String site() {
		return this.site;
	}

	public int maxTokens() {
		return this.maxTokens;
	}

	/** The number of tokens held. */
	public int size() {
		return this.tokens.size();
	}

	public long sequence() {
		return this.sequence;
	}

	@Override
	public long spamLabels() {
		return this.spamLabels;
	}

	@Override
	public long hamLabels() {
		return this.hamLabels;
	}

	@Override
	public TokenCounts counts(String token) {
		Entry entry = this.tokens.get(token);
		return (entry != null) ? entry.counts() : TokenCounts.ZERO;
	}

	@Override
	public String version() {
		return this.site + ":" + this.spamLabels + "s" + this.hamLabels + "h:" + this.sequence;
	}

	/** Every token with its counts (a copy). */
	public Map<String, TokenCounts> counts() {
		Map<String, TokenCounts> copy = new HashMap<>(this.tokens.size() * 2);
		this.tokens.forEach((token, entry) -> copy.put(token, entry.counts()));
		return copy;
	}

	/**
	 * Adds one labeled comment: each distinct token's count of that label goes up by one, and the label total.
	 * Prunes when the model grows past maxTokens; the delta then holds the tombstones too.
	 */
	public ModelDelta learn(Collection<String> commentTokens, Label label) {
		return change(commentTokens, label, 1);
	}

	/**
	 * Takes back one labeled comment learned before with the same tokens and label (a moderator's correction
	 * unlearns the old label, then learns the new one). Counts do not go below zero: a token pruned since is
	 * not recreated.
	 */
	public ModelDelta unlearn(Collection<String> commentTokens, Label label) {
		return change(commentTokens, label, -1);
	}

	private ModelDelta change(Collection<String> commentTokens, Label label, int delta) {
		Objects.requireNonNull(label, "label");
		this.sequence++;
		if (label == Label.SPAM) {
			this.spamLabels = Math.max(0, this.spamLabels + delta);
		}
		else {
			this.hamLabels = Math.max(0, this.hamLabels + delta);
		}
		Map<String, ModelDelta.Change> changes = new HashMap<>();
		List<String> order = new ArrayList<>();
		for (String token : new LinkedHashSet<>(commentTokens)) {
			Entry entry = this.tokens.get(token);
			if (entry == null && delta < 0) {
				continue;
			}
			TokenCounts counts = ((entry != null) ? entry.counts() : TokenCounts.ZERO).plus(label, delta);
			if (counts.isZero()) {
				this.tokens.remove(token);
				changes.put(token, new ModelDelta.Change(token, null));
			}
			else {
				this.tokens.put(token, new Entry(counts, this.sequence));
				changes.put(token, new ModelDelta.Change(token, counts));
			}
			order.add(token);
		}
		if (this.tokens.size() > this.maxTokens) {
			for (String pruned : prune(this.maxTokens - this.maxTokens / 10)) {
				if (!changes.containsKey(pruned)) {
					order.add(pruned);
				}
				changes.put(pruned, new ModelDelta.Change(pruned, null));
			}
		}
		List<ModelDelta.Change> list = new ArrayList<>(order.size());
		order.forEach(token -> list.add(changes.get(token)));
		return new ModelDelta(this.site, list, this.spamLabels, this.hamLabels, this.sequence);
	}

	/**
	 * Removes the rarest tokens until at most {@code target} remain: fewest comments first, among equals the one
	 * changed longest ago, then by token for a stable result.
	 * @return the removed tokens
	 */
	public List<String> prune(int target) {
		int excess = this.tokens.size() - Math.max(0, target);
		if (excess <= 0) {
			return List.of();
		}
		List<Map.Entry<String, Entry>> ranked = new ArrayList<>(this.tokens.entrySet());
		ranked.sort(Comparator.<Map.Entry<String, Entry>>comparingLong(e -> e.getValue().counts().total())
			.thenComparingLong(e -> e.getValue().changed())
			.thenComparing(Map.Entry::getKey));
		List<String> removed = new ArrayList<>(excess);
		for (int i = 0; i < excess; i++) {
			removed.add(ranked.get(i).getKey());
		}
		removed.forEach(this.tokens::remove);
		return removed;
	}

}
