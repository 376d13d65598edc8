package dev.commentmoderation.stream;

import org.apache.kafka.common.serialization.Serdes;

import dev.commentmoderation.stage.LabelEvent;
import dev.commentmoderation.stage.ToAuthor;
import dev.commentmoderation.stage.ToComment;

/**
 * The topology's topics and the types of their records. Input topics are read as bytes: a record that cannot be
 * parsed goes to the dead-letter topic exactly as it came. Internal topics carry the stage records ({@code stage}
 * package) in Smile, keyed by the string their stage is partitioned by.
 */
final class Schemas {

	private Schemas() {
	}

	/** Submitted comments, moderators' reviews and actions on authors: bytes as the site or moderator sent them. */
	static Topic<byte[], byte[]> input(String name) {
		return new Topic<>(name, Serdes.ByteArray(), Serdes.ByteArray());
	}

	/** Approved, rejected and held: the ModerationDecision event (JSON), keyed by commentId. */
	static Topic<String, byte[]> decisions(String name) {
		return new Topic<>(name, Serdes.String(), Serdes.ByteArray());
	}

	/** Records as received (key and value), with headers saying where they came from and why. */
	static Topic<byte[], byte[]> deadLetter(String name) {
		return new Topic<>(name, Serdes.ByteArray(), Serdes.ByteArray());
	}

	/** The classifier's compacted model topic: binary records of its model store (classifier.ModelRecords). */
	static Topic<byte[], byte[]> model(String name) {
		return new Topic<>(name, Serdes.ByteArray(), Serdes.ByteArray());
	}

	/** Comments with an IP, keyed by IP, to the IP stage. */
	static final Topic<String, Encoded<ToAuthor>> COMMENTS_BY_IP = new Topic<>(ModerationTopology.BY_IP,
			Serdes.String(), Encoded.serde(ToAuthor.class));

	/** Comments, keyed by normalized author email, to the author stage. */
	static final Topic<String, Encoded<ToAuthor>> COMMENTS_BY_AUTHOR = new Topic<>(ModerationTopology.BY_AUTHOR,
			Serdes.String(), Encoded.serde(ToAuthor.class));

	/** New revisions of reviewed comments and moderators' actions, keyed by author, to the author stage. */
	static final Topic<String, Encoded<ToAuthor>> REVIEWED_BY_AUTHOR = new Topic<>(
			ModerationTopology.REVIEWED_BY_AUTHOR, Serdes.String(), Encoded.serde(ToAuthor.class));

	/** Held comments' status, keyed by commentId, to the review stage. */
	static final Topic<String, ToComment> STATUS_BY_COMMENT = new Topic<>(ModerationTopology.STATUS_BY_COMMENT,
			Serdes.String(), StateSerde.of(ToComment.class));

	/** Moderators' reviews, keyed by commentId, to the review stage. */
	static final Topic<String, ToComment> REVIEWS_BY_COMMENT = new Topic<>(ModerationTopology.REVIEWS_BY_COMMENT,
			Serdes.String(), StateSerde.of(ToComment.class));

	/** Labels for the classifier, keyed by model, to the model stage. */
	static final Topic<String, LabelEvent> LABELS_BY_MODEL = new Topic<>(ModerationTopology.LABELS_BY_MODEL,
			Serdes.String(), StateSerde.of(LabelEvent.class));

}
