package dev.commentmoderation.contract;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.commentmoderation.events.AuthorActionParser;
import dev.commentmoderation.events.EnvelopeError;
import dev.commentmoderation.events.InvalidEnvelopeException;
import dev.commentmoderation.events.ReviewParser;
import dev.commentmoderation.rules.AuthorAction;
import dev.commentmoderation.rules.Decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The moderators' events (contract 2.0): the schemas and the service's parsers agree on what is a usable verdict
 * and author action, and the samples are both.
 */
class ModeratorEventsContractTests {

	@Nested
	class AuthorActions {

		@Test
		void everySampleIsValidAgainstTheSchemaAndParses() {
			assertThat(Samples.lines(Samples.AUTHOR_ACTIONS)).hasSizeGreaterThanOrEqualTo(4);
			for (String line : Samples.lines(Samples.AUTHOR_ACTIONS)) {
				assertThat(ContractSchemas.authorActionErrors(bytes(line))).as(line).isEmpty();
				assertThat(new AuthorActionParser().parse(bytes(line)).action()).isNotNull();
			}
		}

		@Test
		void theAuthorIsTheEmailStrippedAndLowerCased() {
			AuthorActionParser.Parsed parsed = new AuthorActionParser()
				.parse(bytes("{\"email\":\" Jane@Example.ORG \",\"action\":\"BAN\",\"until\":\"2030-01-01T00:00:00Z\","
						+ "\"moderator\":\"anna\"}"));
			assertThat(parsed.author()).isEqualTo("jane@example.org");
			assertThat(parsed.action().kind()).isEqualTo(AuthorAction.Kind.BAN);
			assertThat(parsed.action().until()).hasToString("2030-01-01T00:00:00Z");
		}

		static Stream<Arguments> invalid() {
			return Stream.of(Arguments.of("no email", "{\"action\":\"BAN\",\"moderator\":\"anna\"}"),
					Arguments.of("not an email", "{\"email\":\"jane\",\"action\":\"BAN\",\"moderator\":\"anna\"}"),
					Arguments.of("unknown action",
							"{\"email\":\"jane@example.org\",\"action\":\"SHADOWBAN\",\"moderator\":\"anna\"}"),
					Arguments.of("no moderator", "{\"email\":\"jane@example.org\",\"action\":\"TRUST\"}"),
					Arguments.of("until on a TRUST", "{\"email\":\"jane@example.org\",\"action\":\"TRUST\","
							+ "\"until\":\"2030-01-01T00:00:00Z\",\"moderator\":\"anna\"}"),
					Arguments.of("until not an instant", "{\"email\":\"jane@example.org\",\"action\":\"BAN\","
							+ "\"until\":\"next week\",\"moderator\":\"anna\"}"));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("invalid")
		void anActionTheSchemaRefusesTheServiceDeadLettersAsAuthorActionInvalid(String why, String json) {
			assertThat(ContractSchemas.authorActionErrors(bytes(json))).isNotEmpty();
			assertThatExceptionOfType(InvalidEnvelopeException.class)
				.isThrownBy(() -> new AuthorActionParser().parse(bytes(json)))
				.satisfies(ex -> assertThat(ex.error()).isEqualTo(EnvelopeError.AUTHOR_ACTION_INVALID));
		}

	}

	@Nested
	class Verdicts {

		@Test
		void aRejectionIsSpamUnlessSaidOtherwise() {
			ReviewParser parser = new ReviewParser();
			assertThat(parser.parse(bytes("{\"commentId\":\"c\",\"decision\":\"REJECTED\",\"moderator\":\"a\"}")).spam())
				.isTrue();
			assertThat(parser
				.parse(bytes("{\"commentId\":\"c\",\"decision\":\"REJECTED\",\"spam\":false,\"moderator\":\"a\"}"))
				.spam()).isFalse();
			assertThat(parser.parse(bytes("{\"commentId\":\"c\",\"decision\":\"APPROVED\",\"moderator\":\"a\"}")).spam())
				.isFalse();
		}

		@Test
		void reviewedAtIsTheModeratorsTimeWhenGiven() {
			ReviewParser.Review review = new ReviewParser().parse(bytes(
					"{\"commentId\":\"c\",\"decision\":\"APPROVED\",\"moderator\":\"a\",\"reviewedAt\":\"2026-11-29T10:15:30Z\"}"));
			assertThat(review.decision()).isEqualTo(Decision.APPROVED);
			assertThat(review.reviewedAt()).hasToString("2026-11-29T10:15:30Z");
		}

		static Stream<Arguments> invalid() {
			return Stream.of(Arguments.of("spam not a boolean",
					"{\"commentId\":\"c\",\"decision\":\"REJECTED\",\"spam\":\"yes\",\"moderator\":\"a\"}"),
					Arguments.of("reviewedAt not an instant",
							"{\"commentId\":\"c\",\"decision\":\"REJECTED\",\"moderator\":\"a\",\"reviewedAt\":\"today\"}"));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("invalid")
		void aVerdictTheSchemaRefusesTheServiceDeadLettersAsReviewInvalid(String why, String json) {
			assertThat(ContractSchemas.reviewErrors(bytes(json))).isNotEmpty();
			assertThatExceptionOfType(InvalidEnvelopeException.class)
				.isThrownBy(() -> new ReviewParser().parse(bytes(json)))
				.satisfies(ex -> assertThat(ex.error()).isEqualTo(EnvelopeError.REVIEW_INVALID));
		}

		@Test
		void anApprovalMarkedSpamIsRefused() {
			assertThatExceptionOfType(InvalidEnvelopeException.class).isThrownBy(() -> new ReviewParser()
				.parse(bytes("{\"commentId\":\"c\",\"decision\":\"APPROVED\",\"spam\":true,\"moderator\":\"a\"}")));
		}

	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
