package dev.commentmoderation.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class IpStageTests {

	static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

	static final Duration FLOOD = Duration.ofSeconds(15);

	final IpStage stage = new IpStage(Duration.ofMinutes(2));

	final List<String> writes = new ArrayList<>();

	final Store<String, IpRecord> map = MapStores.keyValue();

	final Store<String, IpRecord> ips = new Store<>() {

		@Override
		public IpRecord get(String key) {
			return IpStageTests.this.map.get(key);
		}

		@Override
		public void put(String key, IpRecord value) {
			IpStageTests.this.writes.add(key);
			IpStageTests.this.map.put(key, value);
		}

		@Override
		public void delete(String key) {
			IpStageTests.this.map.delete(key);
		}

	};

	@Test
	void tellsWhenTheIpLastCommentedWithinTheFloodInterval() {
		assertThat(this.stage.previousComment("203.0.113.7", "c-1", T0, FLOOD, this.ips)).isNull();

		assertThat(this.stage.previousComment("203.0.113.7", "c-2", T0.plusSeconds(5), FLOOD, this.ips))
			.isEqualTo(T0);
	}

	@Test
	void aResubmissionIsNotAFloodOfItselfAndWritesNothing() {
		this.stage.previousComment("203.0.113.7", "c-1", T0, FLOOD, this.ips);

		assertThat(this.stage.previousComment("203.0.113.7", "c-1", T0.plusSeconds(5), FLOOD, this.ips)).isNull();
		assertThat(this.writes).containsExactly("203.0.113.7");
	}

	@Test
	void withoutAnIpOrAFloodIntervalNothingIsReadOrWritten() {
		assertThat(this.stage.previousComment(null, "c-1", T0, FLOOD, this.ips)).isNull();
		assertThat(this.stage.previousComment("203.0.113.7", "c-1", T0, Duration.ZERO, this.ips)).isNull();
		assertThat(this.writes).isEmpty();
	}

	@Test
	void anIpKeepsItsNewestCommentsOnly() {
		for (int i = 0; i < IpRecord.MAX_SEEN + 5; i++) {
			this.stage.previousComment("203.0.113.7", "c-" + i, T0.plusMillis(i), FLOOD, this.ips);
		}

		assertThat(this.map.get("203.0.113.7").seen()).hasSize(IpRecord.MAX_SEEN);
	}

	@Test
	void aRecordExpiresAfterItsRetention() {
		this.stage.previousComment("203.0.113.7", "c-1", T0, FLOOD, this.ips);
		IpRecord record = this.map.get("203.0.113.7");

		assertThat(this.stage.expired(record, T0.plus(Duration.ofMinutes(2)).toEpochMilli())).isFalse();
		assertThat(this.stage.expired(record, T0.plus(Duration.ofMinutes(2)).toEpochMilli() + 1)).isTrue();
	}

}
