package dev.commentmoderation.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import dev.commentmoderation.stage.*;
import dev.commentmoderation.rules.IpFloodCheck;

/**
 * Stage 2, on the IP's partition (repartition {@code comments-by-ip}): remembers when each IP last commented,
 * in window store {@value ModerationTopology#IP_LAST_COMMENT} (kept for the longest flood interval a policy may set,
 * plus a minute), and tells the author stage when this IP's previous comment within the flood interval of the
 * comment's policy was. Then re-keys the comment by its author.
 */
final class IpFloodProcessor extends ContextualProcessor<byte[], byte[], byte[], Route> {

	private final Duration floodInterval;

	private WindowStore<String, String> lastComment;

	private final StoreIpComments ipComments = new StoreIpComments();

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
		PendingComment pending = StateCodec.read(record.value(), ToAuthor.class).comment();
		Duration interval = (pending.rules() != null) ? Duration.ofMillis(pending.rules().floodIntervalMillis())
				: this.floodInterval;
		Instant previous = IpFloodCheck.previousComment(pending.ip(), pending.commentId(),
				Instant.ofEpochMilli(record.timestamp()), interval, this.ipComments);
		byte[] value = StateCodec.write(new ToAuthor(
				pending.withPreviousFromIp((previous != null) ? previous.toEpochMilli() : null), null, null));
		context().forward(record.withKey(ModerateCommentProcessor.utf8(pending.author()))
			.withValue(new Route(Route.Destination.BY_AUTHOR, value)));
	}

	/** The IP check's view of the window store. */
	private final class StoreIpComments implements IpFloodCheck.IpComments {

		@Override
		public void latestFirst(String ip, Instant since, Predicate<Map.Entry<Instant, String>> visitor) {
			try (WindowStoreIterator<String> iterator = IpFloodProcessor.this.lastComment.backwardFetch(ip,
					Math.max(0L, since.toEpochMilli()), Long.MAX_VALUE)) {
				while (iterator.hasNext()) {
					KeyValue<Long, String> entry = iterator.next();
					if (!visitor.test(Map.entry(Instant.ofEpochMilli(entry.key), entry.value))) {
						return;
					}
				}
			}
		}

		@Override
		public void put(String ip, Instant at, String commentId) {
			IpFloodProcessor.this.lastComment.put(ip, commentId, at.toEpochMilli());
		}

	}

}
