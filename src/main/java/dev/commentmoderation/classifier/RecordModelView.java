package dev.commentmoderation.classifier;

import java.util.function.Function;

/**
 * A model read record by record from a key-value lookup holding the model topic's records
 * ({@link ModelRecords}): the stream's global store of that topic, in the service. The totals are read once, when
 * the view is made; each token is one point lookup. A view is for one comment: make a new one for the next, so
 * that it sees the model's updates.
 */
public final class RecordModelView implements ModelView {

	private final String site;

	private final Function<byte[], byte[]> lookup;

	private final ModelRecords.Totals totals;

	public RecordModelView(String site, Function<byte[], byte[]> lookup) {
		this.site = site;
		this.lookup = lookup;
		byte[] totals = lookup.apply(ModelRecords.key(site, ModelRecords.TOTALS));
		this.totals = (totals != null) ? ModelRecords.totals(totals) : new ModelRecords.Totals(0, 0, 0);
	}

	@Override
	public long spamLabels() {
		return this.totals.spamLabels();
	}

	@Override
	public long hamLabels() {
		return this.totals.hamLabels();
	}

	@Override
	public TokenCounts counts(String token) {
		byte[] counts = this.lookup.apply(ModelRecords.key(this.site, token));
		return (counts != null) ? ModelRecords.counts(counts) : TokenCounts.ZERO;
	}

	@Override
	public String version() {
		return this.site + ":" + spamLabels() + "s" + hamLabels() + "h:" + this.totals.sequence();
	}

}
