package dev.commentmoderation.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The IP half of FLOOD, before the author stage decides: when this IP's latest other comment within the flood
 * interval was (not after this one), remembering this comment unless the IP already has it (a resubmission is
 * neither a flood of itself nor a new "last comment"). Plain Java over any store of each IP's comments by time:
 * the stream's window store, or the dry run's map.
 */
public final class IpFloodCheck {

	/** Each IP's comments by time: commentId at a time. */
	public interface IpComments {

		/** The comments of this IP at or after {@code since}. */
		Iterable<Map.Entry<Instant, String>> since(String ip, Instant since);

		void put(String ip, Instant at, String commentId);

	}

	private IpFloodCheck() {
	}

	/** @return the time of the IP's previous comment within the interval, or null (no IP, flood control off, none) */
	public static Instant previousComment(String ip, String commentId, Instant at, Duration floodInterval,
			IpComments comments) {
		if (ip == null || floodInterval.isZero()) {
			return null;
		}
		Instant previous = null;
		boolean sameComment = false;
		for (Map.Entry<Instant, String> entry : comments.since(ip, at.minus(floodInterval))) {
			if (entry.getValue().equals(commentId)) {
				sameComment = true;
			}
			else if (!entry.getKey().isAfter(at) && (previous == null || entry.getKey().isAfter(previous))) {
				previous = entry.getKey();
			}
		}
		if (!sameComment) {
			comments.put(ip, at, commentId);
		}
		return previous;
	}

}
