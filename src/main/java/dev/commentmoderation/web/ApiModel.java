package dev.commentmoderation.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import dev.commentmoderation.workbench.AuthorStatus;
import dev.commentmoderation.workbench.CommentHistory.RecordedVerdict;
import dev.commentmoderation.workbench.WorkbenchEvents.AuthorAction;
import dev.commentmoderation.workbench.WorkbenchEvents.AuthorActionType;
import dev.commentmoderation.workbench.WorkbenchEvents.Decision;
import dev.commentmoderation.workbench.WorkbenchEvents.Verdict;

/** The JSON the API reads and answers. */
final class ApiModel {

	static final int MAX_NOTE = 2000;

	static final int MAX_BULK = 500;

	static final int MAX_COMMENT_ID = 200;

	private ApiModel() {
	}

	/** A held comment; {@code decision} is the HELD decision event as the stream emitted it. */
	record QueueItem(String commentId, String siteId, String postId, String author, Instant heldAt,
			AuthorStatus authorStatus, JsonNode decision) {
	}

	/** @param sites held comments per site over the whole queue */
	record QueueResponse(List<QueueItem> comments, int page, int size, long total, Map<String, Long> sites) {
	}

	/**
	 * A decided comment in the corrections view; {@code decision} is its current revision's decision event as the
	 * stream emitted it.
	 */
	record DecidedItem(String commentId, String siteId, String postId, String author, String outcome, int revision,
			Instant recordedAt, JsonNode decision) {
	}

	/**
	 * A page of recently decided comments, newest first.
	 *
	 * @param since the start of the time range read
	 * @param more whether older matching comments follow
	 */
	record DecidedResponse(List<DecidedItem> comments, int page, int size, boolean more, Instant since) {
	}

	/** A comment's revisions (decision events, oldest first) and the verdicts recorded for it. */
	record CommentResponse(String commentId, String siteId, String postId, String author, String decision,
			int revision, List<JsonNode> revisions, List<RecordedVerdict> verdicts) {
	}

	/**
	 * A verdict on one comment.
	 *
	 * @param spam for REJECTED: whether the author is a spammer (default true); must not be true for APPROVED
	 */
	record VerdictRequest(@NotNull Decision decision, Boolean spam, @Size(max = MAX_NOTE) String note) {

		@AssertTrue(message = "an approved comment cannot be spam")
		boolean isSpamOnlyWhenRejected() {
			return this.decision != Decision.APPROVED || !Boolean.TRUE.equals(this.spam);
		}

	}

	/** One verdict on many comments. */
	record BulkVerdictRequest(
			@NotEmpty @Size(max = MAX_BULK) List<@NotBlank @Size(max = MAX_COMMENT_ID) String> commentIds,
			@NotNull Decision decision, Boolean spam, @Size(max = MAX_NOTE) String note) {

		@AssertTrue(message = "an approved comment cannot be spam")
		boolean isSpamOnlyWhenRejected() {
			return this.decision != Decision.APPROVED || !Boolean.TRUE.equals(this.spam);
		}

	}

	/** @param until when a BAN ends; only for BAN, and in the future */
	record AuthorActionRequest(@NotNull AuthorActionType action, Instant until, @Size(max = MAX_NOTE) String note) {

		@AssertTrue(message = "until is only for BAN, and must be in the future")
		boolean isUntilValid() {
			return this.until == null || (this.action == AuthorActionType.BAN && this.until.isAfter(Instant.now()));
		}

	}

	/** What was published, as the stream will read it. */
	record VerdictsPublished(List<Verdict> published) {
	}

	record AuthorActionPublished(AuthorAction published) {
	}

}
