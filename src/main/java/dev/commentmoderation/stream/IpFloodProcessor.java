package dev.commentmoderation.stream;

import java.time.Duration;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Stage 2, on the IP's partition (repartition {@code comments-by-ip}): remembers when each IP last commented,
 * in window store {@value ModerationTopology#IP_LAST_COMMENT} (kept for the longest flood interval a policy may set,
 * plus a minute), and tells the author stage when this IP's previous comment within the flood interval of the
 * comment's policy was. Then re-keys the comment by its author.
 */
final class IpFloodProcessor extends ContextualProcessor<byte[], byte[], byte[], Route> {

	private final Duration floodInterval;

	private WindowStore<String, String> lastComment;

	/** @param floodInterval the interval of comments that carry no policy rules (from before policies) */
	IpFloodProcessor(Duration floodInterval) {
		this.floodInterval = floodInterval;
	}

	@Override
	public void init(ProcessorContext<byte[], Route> context) {
		super.init(context);
		this.lastComment = context.getStateStore(ModerationTopology.IP_LAST_COMMENT);
	}

	@Override
	public void process(Record<byte[], byte[]> record) {
		Internal.PendingComment pending = Internal.read(record.value(), Internal.ToAuthor.class).comment();
		Long previous = null;
		long interval = (pending.rules() != null) ? pending.rules().floodIntervalMillis()
				: this.floodInterval.toMillis();
		if (pending.ip() != null && interval > 0) {
			long now = record.timestamp();
			boolean sameComment = false;
			try (WindowStoreIterator<String> latest = this.lastComment.backwardFetch(pending.ip(),
					now - interval, Long.MAX_VALUE)) {
				while (latest.hasNext()) {
					KeyValue<Long, String> entry = latest.next();
					if (entry.value.equals(pending.commentId())) {
						sameComment = true; // a resubmission: neither a flood nor a new "last comment"
						continue;
					}
					if (entry.key <= now && (previous == null || entry.key > previous)) {
						previous = entry.key;
					}
				}
			}
			if (!sameComment) {
				this.lastComment.put(pending.ip(), pending.commentId(), now);
			}
		}
		byte[] value = Internal.write(new Internal.ToAuthor(pending.withPreviousFromIp(previous), null));
		context().forward(record.withKey(ModerateCommentProcessor.utf8(pending.author()))
			.withValue(new Route(Route.Destination.BY_AUTHOR, value)));
	}

}
