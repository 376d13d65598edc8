package dev.commentmoderation.stream;

import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.rules.AuthorAction;
import dev.commentmoderation.stage.ActionRequest;
import dev.commentmoderation.stage.StateCodec;
import dev.commentmoderation.stage.StoredAction;
import dev.commentmoderation.stage.ToAuthor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncodedTests {

	private final Serde<Encoded<ToAuthor>> serde = Encoded.serde(ToAuthor.class);

	@Test
	void aValuePassedOnIsWrittenAsTheBytesItWasReadFromWithoutDecodingThem() {
		// not Smile at all: decoding it would fail, so passing it on must not decode it
		byte[] received = { 1, 2, 3, 4 };

		Encoded<ToAuthor> read = this.serde.deserializer().deserialize("comments-by-ip", received);

		assertThat(this.serde.serializer().serialize("comments-by-author", read)).isSameAs(received);
		assertThatThrownBy(read::value).isInstanceOf(RuntimeException.class);
	}

	@Test
	void aValueIsDecodedWhenAStageReadsIt() {
		ToAuthor action = new ToAuthor(null, null, new ActionRequest("jane@example.org",
				StoredAction.of(new AuthorAction(AuthorAction.Kind.BAN, null, "anna", null, java.time.Instant.parse("2026-01-01T00:00:00Z")))));

		Encoded<ToAuthor> read = this.serde.deserializer().deserialize("t", StateCodec.write(action));

		assertThat(read.value()).isEqualTo(action);
	}

	@Test
	void aNewValueIsWrittenInTheStagesCodec() {
		ToAuthor empty = new ToAuthor(null, null, null);

		byte[] written = this.serde.serializer().serialize("t", Encoded.of(empty));

		assertThat(written).isEqualTo(StateCodec.write(empty));
		assertThat(List.of(StateCodec.read(written, ToAuthor.class))).containsExactly(empty);
	}

}
