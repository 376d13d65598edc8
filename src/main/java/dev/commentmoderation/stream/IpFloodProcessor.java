package dev.commentmoderation.stream;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.commentmoderation.stage.IpRecord;
import dev.commentmoderation.stage.IpStage;
import dev.commentmoderation.stage.PendingComment;
import dev.commentmoderation.stage.Store;
import dev.commentmoderation.stage.ToAuthor;

/**
 * The IP stage's adapter ({@link IpStage}), on the IP's partition (repartition {@code comments-by-ip}, keyed by IP):
 * reads the comment's id, author and flood interval from its headers, adds when this IP last commented, and passes
 * the value on to the author's partition untouched. Store {@value ModerationTopology#IP_RECORDS}: one record per IP,
 * deleted once older than the longest flood interval a policy may set.
 */
final class IpFloodProcessor extends RoutingProcessor<String, Encoded<ToAuthor>> {

	private final IpStage stage;

	private KeyValueStore<String, IpRecord> records;

	private Store<String, IpRecord> ips;

	IpFloodProcessor(IpStage stage, ModerationListener listener) {
		super(listener);
		this.stage = stage;
	}

	@Override
	public void init(ProcessorContext<Object, Route> context) {
		super.init(context);
		this.records = context.getStateStore(ModerationTopology.IP_RECORDS);
		this.ips = StoreViews.keyValue(this.records);
		context.schedule(ModerationTopology.PURGE_INTERVAL, PunctuationType.STREAM_TIME, this::purge);
	}

	@Override
	public void process(Record<String, Encoded<ToAuthor>> record) {
		String ip = record.key();
		String commentId = InternalHeaders.string(record.headers(), InternalHeaders.COMMENT_ID);
		String author = InternalHeaders.string(record.headers(), InternalHeaders.AUTHOR);
		Long floodInterval = InternalHeaders.number(record.headers(), InternalHeaders.FLOOD_INTERVAL_MS);
		Encoded<ToAuthor> value = record.value();
		if (commentId == null || author == null || floodInterval == null) {
			// written by a version before the headers (key "ip:<ip>" or "email:<author>"): read from the value
			PendingComment pending = value.value().comment();
			ip = pending.ip();
			commentId = pending.commentId();
			author = pending.author();
			floodInterval = (pending.decisionRules() != null) ? pending.decisionRules().floodInterval().toMillis()
					: 0L;
		}
		Instant previous = this.stage.previousComment(ip, commentId, Instant.ofEpochMilli(record.timestamp()),
				Duration.ofMillis(floodInterval), this.ips);
		if (previous != null) {
			InternalHeaders.put(record.headers(), InternalHeaders.PREVIOUS_FROM_IP, previous.toEpochMilli());
		}
		forward(record, Route.byAuthor(author, value));
	}

	private void purge(long streamTime) {
		purge(this.records, (record) -> this.stage.expired(record, streamTime));
	}

}
