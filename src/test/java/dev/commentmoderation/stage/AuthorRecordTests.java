package dev.commentmoderation.stage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.commentmoderation.rules.AuthorStanding;

class AuthorRecordTests {

	static final String FINGERPRINT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	@Test
	void keepsOnlyTheNewestFingerprints() {
		AuthorRecord record = AuthorRecord.NEW;
		for (int i = 0; i < AuthorRecord.MAX_SAID + 10; i++) {
			record = record.withSaid(i, i, 1_000L + i, 0L);
		}

		assertThat(record.said()).hasSize(AuthorRecord.MAX_SAID);
		assertThat(record.latestSaid(9, 0L)).as("among the oldest ten, dropped").isNull();
		assertThat(record.latestSaid(10, 0L)).isNotNull();
	}

	@Test
	void dropsFingerprintsOlderThanTheDuplicateRetention() {
		AuthorRecord record = AuthorRecord.NEW.withSaid(1, 1, 1_000L, 0L).withSaid(2, 2, 5_000L, 2_000L);

		assertThat(record.said()).extracting(AuthorRecord.Said::f).containsExactly(2L);
	}

	@Test
	void aStandingWrittenAtAnEarlierTimeDoesNotReplaceALaterOne() {
		AuthorRecord record = AuthorRecord.NEW.withStanding(new AuthorStanding(2, false), 2_000L)
			.withStanding(new AuthorStanding(1, false), 1_000L);

		assertThat(record.standing()).isEqualTo(new AuthorStanding(2, false));
		assertThat(record.standingAt()).isEqualTo(2_000L);
	}

	@Test
	void theLastCommentIsTheLatestTimeWhateverTheOrder() {
		AuthorRecord record = AuthorRecord.NEW.withLastComment(5_000L).withLastComment(3_000L);

		assertThat(record.lastCommentAt()).isEqualTo(5_000L);
		assertThat(record.lastActiveAt()).isEqualTo(5_000L);
	}

	@Test
	void aFingerprintIsItsFirstSixteenHexDigits() {
		assertThat(AuthorRecord.fingerprintHash(FINGERPRINT)).isEqualTo(0x9f86d081884c7d65L);
		assertThat(AuthorRecord.fingerprintHash("not hex at all, but long enough"))
			.isEqualTo(AuthorRecord.fingerprintHash("not hex at all, but long enough"))
			.isNotEqualTo(AuthorRecord.fingerprintHash("not hex at all, but long enougH"));
	}

	@Test
	void aFullRecordStaysUnderOneKilobyteAsStored() {
		AuthorRecord record = AuthorRecord.NEW.withLastComment(1_764_000_000_000L)
			.withStanding(new AuthorStanding(120, false), 1_764_000_000_000L);
		for (int i = 0; i < AuthorRecord.MAX_SAID; i++) {
			record = record.withSaid(AuthorRecord.fingerprintHash(FINGERPRINT) + i,
					("comment-" + i).hashCode(), 1_764_000_000_000L + i * 1_000L, 0L);
		}

		assertThat(StateCodec.write(record)).hasSizeLessThan(1_024);
		assertThat(StateCodec.read(StateCodec.write(record), AuthorRecord.class)).isEqualTo(record);
	}

}
