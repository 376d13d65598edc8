package dev.commentmoderation.stream;

import dev.commentmoderation.rules.Decision;
import dev.commentmoderation.stage.LabelEvent;
import dev.commentmoderation.stage.ToAuthor;
import dev.commentmoderation.stage.ToComment;

/**
 * Where a processed record goes, with the key and value it carries there. Made only by the factories below, each of
 * which takes the key and value types of its destination's {@link Topic} ({@link Schemas}): the topology relies on
 * that when it hands the routed records to the topics' serdes.
 */
final class Route {

	enum Destination {

		/** Output topics (MODEL: the classifier's compacted model topic). */
		APPROVED, REJECTED, HELD, DEAD_LETTER, MODEL,
		/** Internal repartition topics. */
		BY_IP, BY_AUTHOR, TO_COMMENT, TO_MODEL;

		/** The output topic of a decision. */
		static Destination of(Decision decision) {
			return switch (decision) {
				case APPROVED -> APPROVED;
				case REJECTED -> REJECTED;
				case HELD -> HELD;
			};
		}

	}

	private final Destination destination;

	private final Object key;

	private final Object value;

	private Route(Destination destination, Object key, Object value) {
		this.destination = destination;
		this.key = key;
		this.value = value;
	}

	/** A decision event to its output topic, keyed by commentId. */
	static Route decision(Decision decision, String commentId, byte[] json) {
		return new Route(Destination.of(decision), commentId, json);
	}

	/** A record as it was received. */
	static Route deadLetter(byte[] key, byte[] value) {
		return new Route(Destination.DEAD_LETTER, key, value);
	}

	/** A record of the classifier's model (a null value deletes the key). */
	static Route model(byte[] key, byte[] value) {
		return new Route(Destination.MODEL, key, value);
	}

	static Route byIp(String ip, Encoded<ToAuthor> comment) {
		return new Route(Destination.BY_IP, ip, comment);
	}

	static Route byAuthor(String author, Encoded<ToAuthor> message) {
		return new Route(Destination.BY_AUTHOR, author, message);
	}

	static Route toComment(String commentId, ToComment message) {
		return new Route(Destination.TO_COMMENT, commentId, message);
	}

	static Route toModel(LabelEvent label) {
		return new Route(Destination.TO_MODEL, label.model(), label);
	}

	Destination destination() {
		return this.destination;
	}

	Object key() {
		return this.key;
	}

	Object value() {
		return this.value;
	}

}
