package dev.commentmoderation.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.load.CommentMix.Comment;
import dev.commentmoderation.load.CommentMix.Kind;
import dev.commentmoderation.load.CommentMix.Shares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class CommentMixTests {

	private static final Shares NONE = new Shares(0, 0, 0, 0, 0, 0, 0, 0);

	@Nested
	class Seeds {

		@Test
		void theSameSeedGivesTheSameComments() {
			List<Comment> first = round(new CommentMix(7, Shares.DEFAULT), 500);
			List<Comment> second = round(new CommentMix(7, Shares.DEFAULT), 500);
			for (int i = 0; i < first.size(); i++) {
				assertThat(second.get(i).json()).isEqualTo(first.get(i).json());
			}
		}

		@Test
		void anotherSeedGivesOtherComments() {
			assertThat(round(new CommentMix(8, Shares.DEFAULT), 1).get(0).json())
				.isNotEqualTo(round(new CommentMix(7, Shares.DEFAULT), 1).get(0).json());
		}

	}

	@Nested
	class Shares_ {

		@Test
		void eachKindComesInItsShare() {
			CommentMix mix = new CommentMix(1, Shares.DEFAULT);
			round(mix, 20_000);
			mix.newRound();
			round(mix, 20_000);
			Map<Kind, Integer> counts = mix.counts();
			assertThat(counts.get(Kind.RETURNING_AUTHOR) / 20_000.0).isCloseTo(0.15, within(0.01));
			assertThat(counts.get(Kind.IP_FLOOD) / 20_000.0).isCloseTo(0.03, within(0.005));
			assertThat(counts.get(Kind.TOO_MANY_LINKS) / 20_000.0).isCloseTo(0.04, within(0.005));
			assertThat(counts.get(Kind.NEW_AUTHOR) / 20_000.0).isCloseTo(0.69, within(0.015));
		}

		@Test
		void sharesAddingUpToMoreThanOneAreRefused() {
			assertThatIllegalArgumentException().isThrownBy(() -> new Shares(0.6, 0.5, 0, 0, 0, 0, 0, 0))
				.withMessageContaining("more than 1");
		}

		@Test
		void sharesAreReadFromTheToolsOptions() {
			assertThat(Shares.of(Map.of("mix.returning", "0.5")).returning()).isEqualTo(0.5);
			assertThat(Shares.of(Map.of("mix.returning", "0.5")).links()).isEqualTo(Shares.DEFAULT.links());
		}

	}

	@Nested
	class NewAuthors {

		@Test
		void haveAnEmailAndAnIpOfTheirOwn() {
			List<Comment> comments = round(new CommentMix(1, NONE), 5_000);
			Set<String> emails = new HashSet<>();
			Set<String> ips = new HashSet<>();
			comments.forEach((c) -> {
				emails.add(field(c, "email"));
				ips.add(field(c, "ip"));
			});
			assertThat(emails).hasSize(5_000);
			assertThat(ips.size()).isGreaterThan(4_990);
		}

	}

	@Nested
	class ReturningAuthorsAndDuplicates {

		@Test
		void withNoEarlierRoundThereAreNone() {
			CommentMix mix = new CommentMix(1, new Shares(0.5, 0.5, 0, 0, 0, 0, 0, 0));
			round(mix, 1_000);
			assertThat(mix.counts()).containsOnlyKeys(Kind.NEW_AUTHOR);
		}

		@Test
		void aReturningAuthorIsAnEarlierRoundsAuthorWithNewText() {
			CommentMix mix = new CommentMix(1, NONE);
			Set<String> earlierEmails = new HashSet<>();
			round(mix, 1_000).forEach((c) -> earlierEmails.add(field(c, "email")));
			mix.newRound();
			CommentMix returning = withShares(mix, new Shares(1, 0, 0, 0, 0, 0, 0, 0));
			List<Comment> comments = round(returning, 1_000);
			assertThat(comments).allSatisfy((c) -> assertThat(c.kind()).isEqualTo(Kind.RETURNING_AUTHOR));
			Set<String> emails = new HashSet<>();
			comments.forEach((c) -> emails.add(field(c, "email")));
			assertThat(earlierEmails).containsAll(emails);
			assertThat(emails).as("each earlier author returns once").hasSize(1_000);
		}

		@Test
		void aDuplicateRepeatsAnEarlierCommentsAuthorPostAndText() {
			CommentMix mix = new CommentMix(1, NONE);
			Set<String> earlier = new HashSet<>();
			round(mix, 100).forEach((c) -> earlier.add(said(c)));
			mix.newRound();
			List<Comment> duplicates = round(withShares(mix, new Shares(0, 1, 0, 0, 0, 0, 0, 0)), 100);
			assertThat(duplicates).allSatisfy((c) -> assertThat(earlier).contains(said(c)));
		}

		@Test
		void whenTheEarlierAuthorsAreUsedUpNewAuthorsComeInstead() {
			CommentMix mix = new CommentMix(1, NONE);
			round(mix, 10);
			mix.newRound();
			CommentMix returning = withShares(mix, new Shares(1, 0, 0, 0, 0, 0, 0, 0));
			round(returning, 15);
			assertThat(returning.counts()).containsEntry(Kind.RETURNING_AUTHOR, 10).containsEntry(Kind.NEW_AUTHOR, 5);
		}

	}

	@Nested
	class Floods {

		@Test
		void anIpFloodComesFromThePreviousCommentsIpWithAnotherAuthor() {
			List<Comment> comments = round(new CommentMix(3, new Shares(0, 0, 0.3, 0, 0, 0, 0, 0)), 1_000);
			for (int i = 1; i < comments.size(); i++) {
				if (comments.get(i).kind() == Kind.IP_FLOOD) {
					assertThat(field(comments.get(i), "ip")).isEqualTo(field(comments.get(i - 1), "ip"));
					assertThat(field(comments.get(i), "email")).isNotEqualTo(field(comments.get(i - 1), "email"));
				}
			}
		}

		@Test
		void anAuthorFloodComesFromThePreviousCommentsAuthor() {
			List<Comment> comments = round(new CommentMix(3, new Shares(0, 0, 0, 0.3, 0, 0, 0, 0)), 1_000);
			for (int i = 1; i < comments.size(); i++) {
				if (comments.get(i).kind() == Kind.AUTHOR_FLOOD) {
					assertThat(field(comments.get(i), "email")).isEqualTo(field(comments.get(i - 1), "email"));
				}
			}
		}

		@Test
		void aCommentWithoutEmailIsNeverFloodedFrom() {
			// without an email the service keeps no state for a comment, so it cannot be the earlier one of a flood
			List<Comment> comments = round(new CommentMix(5, new Shares(0, 0, 0, 0.4, 0, 0, 0, 0.4)), 2_000);
			for (Comment comment : comments) {
				if (comment.kind() == Kind.AUTHOR_FLOOD) {
					assertThat(field(comment, "email")).isNotEmpty();
				}
			}
		}

	}

	@Nested
	class RuleTriggers {

		@Test
		void heldCommentsHaveMoreThanTwoLinks() {
			Comment held = round(new CommentMix(1, new Shares(0, 0, 0, 0, 1, 0, 0, 0)), 1).get(0);
			assertThat(field(held, "content").split("https://|www\\.", -1).length - 1).isGreaterThan(2);
		}

		@Test
		void blockedTermCommentsContainTheConfiguredTerm() {
			Comment blocked = round(new CommentMix(1, new Shares(0, 0, 0, 0, 0, 1, 0, 0)), 1).get(0);
			assertThat(field(blocked, "content")).contains(" " + CommentMix.BLOCKED_TERM + " ");
		}

		@Test
		void firstTimeCommentsHaveAtMostTwoLinksAndNoBlockedTerm() {
			for (Comment comment : round(new CommentMix(1, NONE), 2_000)) {
				assertThat(field(comment, "content").split("https://|www\\.", -1).length - 1).isLessThanOrEqualTo(2);
				assertThat(field(comment, "content")).doesNotContain(CommentMix.BLOCKED_TERM);
			}
		}

	}

	private static List<Comment> round(CommentMix mix, int count) {
		List<Comment> comments = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			comments.add(mix.next("c-" + i));
		}
		return comments;
	}

	/** The same generator state with other shares: the mix keeps its earlier rounds. */
	private static CommentMix withShares(CommentMix mix, Shares shares) {
		mix.useShares(shares);
		return mix;
	}

	private static String said(Comment comment) {
		return field(comment, "email") + "|" + field(comment, "postId") + "|" + field(comment, "content");
	}

	private static String field(Comment comment, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"")
			.matcher(new String(comment.json(), StandardCharsets.UTF_8));
		assertThat(matcher.find()).as(name).isTrue();
		return matcher.group(1);
	}

}
