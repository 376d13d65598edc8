package dev.commentmoderation.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpFloodCheckTest {

	static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

	static final Duration INTERVAL = Duration.ofSeconds(15);

	final Map<String, NavigableMap<Instant, String>> store = new java.util.HashMap<>();

	int visits;

	int read;

	final IpFloodCheck.IpComments comments = new IpFloodCheck.IpComments() {

		@Override
		public void latestFirst(String ip, Instant since, java.util.function.Predicate<Map.Entry<Instant, String>> visitor) {
			IpFloodCheckTest.this.visits++;
			for (Map.Entry<Instant, String> entry : IpFloodCheckTest.this.store.getOrDefault(ip, new TreeMap<>())
				.tailMap(since, true)
				.descendingMap()
				.entrySet()) {
				IpFloodCheckTest.this.read++;
				if (!visitor.test(entry)) {
					return;
				}
			}
		}

		@Override
		public void put(String ip, Instant at, String commentId) {
			IpFloodCheckTest.this.store.computeIfAbsent(ip, k -> new TreeMap<>()).put(at, commentId);
		}

	};

	Instant check(String commentId, Instant at) {
		return IpFloodCheck.previousComment("203.0.113.7", commentId, at, INTERVAL, this.comments);
	}

	@Test
	void theFirstCommentOfAnIpHasNoPreviousAndIsRemembered() {
		assertThat(check("c-1", T0)).isNull();
		assertThat(this.store.get("203.0.113.7")).containsEntry(T0, "c-1");
	}

	@Test
	void anotherCommentWithinTheIntervalSeesThePreviousOne() {
		check("c-1", T0);
		assertThat(check("c-2", T0.plusSeconds(10))).isEqualTo(T0);
	}

	@Test
	void aCommentAfterTheIntervalSeesNone() {
		check("c-1", T0);
		assertThat(check("c-2", T0.plusSeconds(16))).isNull();
	}

	@Test
	void aResubmissionIsNeitherAFloodOfItselfNorANewLastComment() {
		check("c-1", T0);
		assertThat(check("c-1", T0.plusSeconds(5))).isNull();
		assertThat(this.store.get("203.0.113.7")).containsOnlyKeys(T0);
	}

	@Test
	void aCommentLaterInTimeThanThisOneIsNotItsPrevious() {
		check("c-2", T0.plusSeconds(10));
		assertThat(check("c-1", T0)).isNull();
	}

	@Test
	void aFloodingIpCostsTheSameForItsThousandthCommentAsForItsSecond() {
		for (int i = 0; i < 1000; i++) {
			check("c-" + i, T0.plusMillis(i));
		}
		this.read = 0;
		assertThat(check("c-last", T0.plusMillis(1000))).isEqualTo(T0.plusMillis(999));
		assertThat(this.read).isEqualTo(1);
	}

	@Test
	void aRetryOfTheIpsLatestCommentIsRecognisedAsTheSameComment() {
		check("c-1", T0);
		check("c-2", T0.plusSeconds(1));
		assertThat(check("c-2", T0.plusSeconds(2))).isEqualTo(T0);
		assertThat(this.store.get("203.0.113.7")).containsOnlyKeys(T0, T0.plusSeconds(1));
	}

	@Test
	void withoutAnIpOrWithFloodControlOffNothingIsCheckedOrRemembered() {
		assertThat(IpFloodCheck.previousComment(null, "c-1", T0, INTERVAL, this.comments)).isNull();
		assertThat(IpFloodCheck.previousComment("203.0.113.7", "c-1", T0, Duration.ZERO, this.comments)).isNull();
		assertThat(this.store).isEmpty();
	}

}
