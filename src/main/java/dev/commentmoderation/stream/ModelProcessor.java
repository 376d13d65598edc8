package dev.commentmoderation.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.commentmoderation.stage.*;
import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.classifier.InMemoryModel;
import dev.commentmoderation.classifier.LabelLedger;
import dev.commentmoderation.classifier.ModelDelta;
import dev.commentmoderation.classifier.ModelRecords;
import dev.commentmoderation.classifier.TokenCounts;

/**
 * The model stage, on the model's partition (repartition {@code labels-by-model}, keyed by model: a site's, or the
 * shared {@code *}), so each model has one writer. Store {@value ModerationTopology#LABEL_LEDGER} remembers each
 * comment's label and learned tokens (a repeated label counts once, a changed one replaces the earlier); store
 * {@value ModerationTopology#MODEL_TOKENS} holds the model's records, which each change also writes to the
 * compacted model topic that every instance reads into its global store. The models of this task are kept in
 * memory too (pruning ranks all of a model's tokens), loaded from the store on first use after the task starts.
 */
final class ModelProcessor extends ContextualProcessor<String, LabelEvent, Object, Route> {

	private final ClassifierSettings settings;

	private final Map<String, InMemoryModel> models = new HashMap<>();

	private KeyValueStore<String, byte[]> ledger;

	private KeyValueStore<byte[], byte[]> records;

	ModelProcessor(ClassifierSettings settings) {
		this.settings = settings;
	}

	@Override
	public void init(ProcessorContext<Object, Route> context) {
		super.init(context);
		this.ledger = context.getStateStore(ModerationTopology.LABEL_LEDGER);
		this.records = context.getStateStore(ModerationTopology.MODEL_TOKENS);
		// a task revived after an aborted transaction restores its stores: the models are read again from them
		this.models.clear();
	}

	@Override
	public void process(Record<String, LabelEvent> record) {
		LabelEvent event = record.value();
		String model = event.model();
		LabelLedger ledger = new LabelLedger(new LedgerStore(model));
		List<LabelLedger.Step> steps = ledger.record(event.commentId(), event.label(),
				(event.tokens() != null) ? event.tokens() : List.of());
		InMemoryModel memory = this.models.computeIfAbsent(model, this::load);
		for (LabelLedger.Step step : steps) {
			publish(record, step.applyTo(memory));
		}
	}

	private void publish(Record<String, LabelEvent> record, ModelDelta delta) {
		for (ModelDelta.Change change : delta.tokens()) {
			byte[] key = ModelRecords.key(delta.site(), change.token());
			byte[] value = change.isTombstone() ? null : ModelRecords.counts(change.counts());
			write(record, key, value);
		}
		write(record, ModelRecords.key(delta.site(), ModelRecords.TOTALS), ModelRecords
			.totals(new ModelRecords.Totals(delta.spamLabels(), delta.hamLabels(), delta.sequence())));
	}

	private void write(Record<String, LabelEvent> record, byte[] key, byte[] value) {
		if (value == null) {
			this.records.delete(key);
		}
		else {
			this.records.put(key, value);
		}
		context().forward(record.withKey((Object) key).withValue(Route.model(key, value)));
	}

	/** The model as its records in the store hold it (empty for a new one). */
	private InMemoryModel load(String model) {
		byte[] prefix = ModelRecords.key(model, ModelRecords.TOTALS);
		ModelRecords.Totals totals = new ModelRecords.Totals(0, 0, 0);
		Map<String, TokenCounts> counts = new HashMap<>();
		try (KeyValueIterator<byte[], byte[]> all = this.records.prefixScan(prefix, Serdes.ByteArray().serializer())) {
			while (all.hasNext()) {
				KeyValue<byte[], byte[]> entry = all.next();
				ModelRecords.Key key = ModelRecords.key(entry.key);
				if (!key.site().equals(model)) {
					continue;
				}
				if (key.isTotals()) {
					totals = ModelRecords.totals(entry.value);
				}
				else {
					counts.put(key.token(), ModelRecords.counts(entry.value));
				}
			}
		}
		return InMemoryModel.of(model, this.settings.maxTokens(), totals.spamLabels(), totals.hamLabels(),
				totals.sequence(), counts);
	}

	/** The ledger of one model in the ledger store, keyed model, NUL, commentId. */
	private final class LedgerStore implements LabelLedger.Store {

		private final String model;

		LedgerStore(String model) {
			this.model = model;
		}

		@Override
		public LabelLedger.Learned get(String commentId) {
			byte[] bytes = ModelProcessor.this.ledger.get(key(commentId));
			return (bytes != null) ? StateCodec.read(bytes, LabelLedger.Learned.class) : null;
		}

		@Override
		public void put(String commentId, LabelLedger.Learned learned) {
			if (learned == null) {
				ModelProcessor.this.ledger.delete(key(commentId));
			}
			else {
				ModelProcessor.this.ledger.put(key(commentId), StateCodec.write(learned));
			}
		}

		private String key(String commentId) {
			return this.model + '\u0000' + commentId;
		}

	}

}
