package dev.commentmoderation.stream;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global store of the classifier's model topic: each record replaces its key's counts, a tombstone (a
 * pruned token) removes it. Runs on the global stream thread, so a model update never stalls a stream thread; the
 * first stage reads single tokens from the store.
 */
final class ModelRecordsUpdater implements Processor<byte[], byte[], Void, Void> {

	private KeyValueStore<byte[], byte[]> store;

	@Override
	public void init(ProcessorContext<Void, Void> context) {
		this.store = context.getStateStore(ModerationTopology.CLASSIFIER_MODEL);
	}

	@Override
	public void process(Record<byte[], byte[]> record) {
		if (record.key() == null) {
			return;
		}
		if (record.value() == null) {
			this.store.delete(record.key());
		}
		else {
			this.store.put(record.key(), record.value());
		}
	}

}
