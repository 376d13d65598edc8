package dev.commentmoderation.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.commentmoderation.rules.Authors;
import dev.commentmoderation.web.ApiModel.AuthorActionPublished;
import dev.commentmoderation.web.ApiModel.AuthorActionRequest;
import dev.commentmoderation.web.ApiModel.BulkVerdictRequest;
import dev.commentmoderation.web.ApiModel.CommentResponse;
import dev.commentmoderation.web.ApiModel.DecidedItem;
import dev.commentmoderation.web.ApiModel.DecidedResponse;
import dev.commentmoderation.web.ApiModel.QueueItem;
import dev.commentmoderation.web.ApiModel.QueueResponse;
import dev.commentmoderation.web.ApiModel.VerdictRequest;
import dev.commentmoderation.web.ApiModel.VerdictsPublished;
import dev.commentmoderation.workbench.AuthorHistory;
import dev.commentmoderation.workbench.CommentHistory;
import dev.commentmoderation.workbench.HeldQueue.QueuePage;
import dev.commentmoderation.workbench.HeldQueue.QueueQuery;
import dev.commentmoderation.workbench.RecentDecisions;
import dev.commentmoderation.workbench.RecentDecisions.Outcome;
import dev.commentmoderation.workbench.RecentDecisions.RecentPage;
import dev.commentmoderation.workbench.RecentDecisions.RecentQuery;
import dev.commentmoderation.workbench.WorkbenchEvents.AuthorAction;
import dev.commentmoderation.workbench.WorkbenchEvents.Verdict;

/**
 * The workbench API. Reads need VIEWER, writes MODERATOR (see {@code web.security}). The console calls the same
 * endpoints under {@code /console/api/v1}, with its session and CSRF token instead of Basic or Bearer.
 */
@RestController
@RequestMapping({ "/api/v1", "/console/api/v1" })
public class WorkbenchApiController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WorkbenchQueries queries;

	private final WorkbenchPublisher publisher;

	/** Far longer than any sensible decision retention: only a guard against nonsense. */
	private static final Duration MAX_WITHIN = Duration.ofDays(366);

	private final Clock clock = Clock.systemUTC();

	public WorkbenchApiController(WorkbenchQueries queries, WorkbenchPublisher publisher) {
		this.queries = queries;
		this.publisher = publisher;
	}

	@GetMapping("/queue")
	public QueueResponse queue(@RequestParam(required = false) @Size(max = 200) String site,
			@RequestParam(required = false) @Size(max = 200) String post,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		QueuePage result = this.queries.workbench().queue(new QueueQuery(blankToNull(site), blankToNull(post), page, size));
		List<QueueItem> items = result.comments()
			.stream()
			.map((held) -> new QueueItem(held.commentId(), held.siteId(), held.postId(), held.author(), held.heldAt(),
					held.authorStatus(), JSON.readTree(held.decisionJson())))
			.toList();
		return new QueueResponse(items, result.page(), result.size(), result.total(), result.perSite());
	}

	/**
	 * Recently decided comments, newest first: the corrections view (approved ones to take down, rejected ones to
	 * rescue).
	 *
	 * @param outcome APPROVED or REJECTED (the current outcome), or absent for both
	 * @param within how far back to read, an ISO-8601 duration (default one day); the decision retention bounds it
	 */
	@GetMapping("/decided")
	public DecidedResponse decided(@RequestParam(required = false) @Size(max = 200) String site,
			@RequestParam(required = false) Outcome outcome, @RequestParam(defaultValue = "P1D") String within,
			@RequestParam(defaultValue = "0") @Min(0) @Max(RecentDecisions.MAX_DEPTH) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
		if ((page + 1L) * size > RecentDecisions.MAX_DEPTH) {
			throw new BadRequestException("(page + 1) * size must be at most " + RecentDecisions.MAX_DEPTH
					+ ": narrow the site or the time range (within) instead of paging deeper");
		}
		Instant since = now().minus(positiveDuration("within", within));
		RecentPage result = this.queries.workbench()
			.recentDecisions(new RecentQuery(blankToNull(site), outcome, since, page, size));
		List<DecidedItem> items = result.decisions()
			.stream()
			.map((decided) -> new DecidedItem(decided.commentId(), decided.siteId(), decided.postId(),
					decided.author(), decided.decision(), decided.revision(), decided.recordedAt(),
					JSON.readTree(decided.decisionJson())))
			.toList();
		return new DecidedResponse(items, result.page(), result.size(), result.more(), since);
	}

	@GetMapping("/comments/{commentId}")
	public CommentResponse comment(@PathVariable @Size(max = ApiModel.MAX_COMMENT_ID) String commentId) {
		CommentHistory comment = this.queries.workbench()
			.comment(commentId)
			.orElseThrow(() -> new NotFoundException("No comment " + commentId + " is known (or it is past the "
					+ "decision retention)"));
		List<JsonNode> revisions = comment.revisionsJson().stream().map(JSON::readTree).toList();
		return new CommentResponse(comment.commentId(), comment.siteId(), comment.postId(), comment.author(),
				comment.decision(), comment.revision(), revisions, comment.verdicts());
	}

	@PostMapping("/comments/{commentId}/verdict")
	public ResponseEntity<VerdictsPublished> verdict(
			@PathVariable @NotBlank @Size(max = ApiModel.MAX_COMMENT_ID) String commentId,
			@Valid @RequestBody VerdictRequest request, Principal moderator) {
		Verdict verdict = Verdict.of(commentId, request.decision(), request.spam(), moderator.getName(),
				request.note(), now());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new VerdictsPublished(this.publisher.publish(List.of(verdict))));
	}

	@PostMapping("/verdicts")
	public ResponseEntity<VerdictsPublished> verdicts(@Valid @RequestBody BulkVerdictRequest request,
			Principal moderator) {
		Instant now = now();
		// a comment named twice gets one verdict
		List<Verdict> verdicts = new LinkedHashSet<>(request.commentIds()).stream()
			.map((commentId) -> Verdict.of(commentId, request.decision(), request.spam(), moderator.getName(),
					request.note(), now))
			.toList();
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new VerdictsPublished(this.publisher.publish(verdicts)));
	}

	@GetMapping("/authors/{email}")
	public AuthorHistory author(@PathVariable @NotBlank @Size(max = 320) String email) {
		return this.queries.workbench()
			.author(Authors.normalizeEmail(email))
			.orElseThrow(() -> new NotFoundException("Nothing is known of this author"));
	}

	@PostMapping("/authors/{email}/actions")
	public ResponseEntity<AuthorActionPublished> authorAction(@PathVariable @NotBlank @Size(max = 320) String email,
			@Valid @RequestBody AuthorActionRequest request, Principal moderator) {
		String normalized = Authors.normalizeEmail(email);
		if (normalized.isEmpty()) {
			throw new BadRequestException("The email is blank");
		}
		AuthorAction action = new AuthorAction(normalized, request.action(), request.until(), moderator.getName(),
				request.note(), now());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new AuthorActionPublished(this.publisher.publish(action)));
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static Duration positiveDuration(String parameter, String value) {
		Duration duration;
		try {
			duration = Duration.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException(parameter + " must be an ISO-8601 duration such as PT6H or P7D, not '"
					+ value + "'");
		}
		if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_WITHIN) > 0) {
			throw new BadRequestException(parameter + " must be positive and at most " + MAX_WITHIN
					+ " (the decision retention bounds what is read anyway)");
		}
		return duration;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/** 404 with a problem detail. */
	static final class NotFoundException extends RuntimeException {

		NotFoundException(String message) {
			super(message);
		}

	}

	/** 400 with a problem detail. */
	static final class BadRequestException extends RuntimeException {

		BadRequestException(String message) {
			super(message);
		}

	}

}
