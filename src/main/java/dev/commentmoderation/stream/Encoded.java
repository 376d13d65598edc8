package dev.commentmoderation.stream;

import java.util.function.Function;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import dev.commentmoderation.stage.StateCodec;

/**
 * A value of an internal topic that is decoded only when a stage reads it, and written back as the bytes it was
 * read from when nobody did: the IP stage passes a comment on to the author's partition without decoding or
 * encoding it (what it needs travels in {@link InternalHeaders}).
 */
final class Encoded<T> {

	private final Function<byte[], T> reader;

	private byte[] bytes;

	private T value;

	private Encoded(Function<byte[], T> reader, byte[] bytes, T value) {
		this.reader = reader;
		this.bytes = bytes;
		this.value = value;
	}

	static <T> Encoded<T> of(T value) {
		return new Encoded<>(null, null, value);
	}

	T value() {
		if (this.value == null) {
			this.value = this.reader.apply(this.bytes);
		}
		return this.value;
	}

	byte[] bytes() {
		if (this.bytes == null) {
			this.bytes = StateCodec.write(this.value);
		}
		return this.bytes;
	}

	/** Smile ({@link StateCodec}), as the stage records in the stores. */
	static <T> Serde<Encoded<T>> serde(Class<T> type) {
		Function<byte[], T> reader = (bytes) -> StateCodec.read(bytes, type);
		return Serdes.serdeFrom((topic, encoded) -> (encoded != null) ? encoded.bytes() : null,
				(topic, bytes) -> (bytes != null) ? new Encoded<>(reader, bytes, null) : null);
	}

}
