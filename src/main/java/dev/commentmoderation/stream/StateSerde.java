package dev.commentmoderation.stream;

import java.util.function.Function;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import dev.commentmoderation.stage.CommentState;
import dev.commentmoderation.stage.StateCodec;

/** Serdes of the stage records in state stores: {@link StateCodec}'s Smile (reading earlier JSON too). */
final class StateSerde {

	private StateSerde() {
	}

	static <T> Serde<T> of(Class<T> type) {
		return of(bytes -> StateCodec.read(bytes, type));
	}

	/** A held or decided comment, as the review stage keeps it (also as stored before revisions existed). */
	static Serde<CommentState> commentState() {
		return of(CommentState::read);
	}

	private static <T> Serde<T> of(Function<byte[], T> read) {
		return Serdes.serdeFrom((topic, value) -> (value != null) ? StateCodec.write(value) : null,
				(topic, bytes) -> (bytes != null) ? read.apply(bytes) : null);
	}

}
