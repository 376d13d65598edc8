package dev.commentmoderation.stage;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import dev.commentmoderation.rules.IpFloodCheck;

/**
 * The IP stage, on the IP's partition: when this IP's previous comment within the flood interval of the comment's
 * policy was, over one {@link IpRecord} per IP (read once, written only when it changes).
 */
public final class IpStage {

	private final Duration retention;

	/**
	 * @param retention how long an IP's comments are remembered: the longest flood interval any policy may set, plus
	 * slack for records out of order
	 */
	public IpStage(Duration retention) {
		this.retention = retention;
	}

	/** @return the time of the IP's previous comment within the interval, or null (no IP, flood control off, none) */
	public Instant previousComment(String ip, String commentId, Instant at, Duration floodInterval,
			Store<String, IpRecord> ips) {
		if (ip == null || floodInterval.isZero()) {
			return null;
		}
		IpRecord read = ips.get(ip);
		RecordComments comments = new RecordComments((read != null) ? read : IpRecord.NEW);
		Instant previous = IpFloodCheck.previousComment(ip, commentId, at, floodInterval, comments);
		if (comments.record != read) {
			ips.put(ip, comments.record);
		}
		return previous;
	}

	/** Whether nothing in the record is recent enough to matter at stream time {@code now}: it can be deleted. */
	public boolean expired(IpRecord record, long now) {
		return record.lastActiveAt() < now - this.retention.toMillis();
	}

	/** The IP check's view of one IP's record. */
	private final class RecordComments implements IpFloodCheck.IpComments {

		private IpRecord record;

		RecordComments(IpRecord record) {
			this.record = record;
		}

		@Override
		public void latestFirst(String ip, Instant since, Predicate<Map.Entry<Instant, String>> visitor) {
			for (IpRecord.Seen seen : this.record.latestFirst(since.toEpochMilli())) {
				if (!visitor.test(Map.entry(Instant.ofEpochMilli(seen.at()), seen.commentId()))) {
					return;
				}
			}
		}

		@Override
		public void put(String ip, Instant at, String commentId) {
			this.record = this.record.with(commentId, at.toEpochMilli(),
					at.toEpochMilli() - IpStage.this.retention.toMillis());
		}

	}

}
