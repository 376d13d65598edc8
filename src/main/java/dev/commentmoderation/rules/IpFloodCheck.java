package dev.commentmoderation.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The IP half of FLOOD, before the author stage decides: when this IP's latest other comment within the flood
 * interval was (not after this one), remembering this comment unless it is a resubmission of one of the IP's
 * comments since then (a resubmission is neither a flood of itself nor a new "last comment"). Plain Java over any store of each IP's comments by time:
 * the stream's window store, or the dry run's map.
 */
public final class IpFloodCheck {

	/** Each IP's comments by time: commentId at a time. */
	public interface IpComments {

		/**
		 * Shows the comments of this IP at or after {@code since} to {@code visitor}, latest first, until it returns
		 * false.
		 */
		void latestFirst(String ip, Instant since, Predicate<Map.Entry<Instant, String>> visitor);

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
		// Latest first, stopping at the previous comment: constant work per comment however many comments the IP
		// sent within the interval (a flooding IP made a full scan quadratic). A resubmission is recognised when
		// it is among the IP's comments after that previous one, which covers a retry of the IP's latest comment.
		Instant[] previous = { null };
		boolean[] sameComment = { false };
		comments.latestFirst(ip, at.minus(floodInterval), entry -> {
			if (entry.getValue().equals(commentId)) {
				sameComment[0] = true;
				return true;
			}
			if (entry.getKey().isAfter(at)) {
				return true; // a later comment (out of order): not this one's previous
			}
			previous[0] = entry.getKey();
			return false;
		});
		if (!sameComment[0]) {
			comments.put(ip, at, commentId);
		}
		return previous[0];
	}

}
