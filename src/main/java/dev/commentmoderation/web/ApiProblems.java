package dev.commentmoderation.web;

import java.net.URI;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.commentmoderation.workbench.HeldQueue.IncompleteQueueException;
import dev.commentmoderation.workbench.StateUnavailableException;

/**
 * Every API error as an RFC 9457 problem detail: Spring MVC's own (bad JSON, failed validation: 400), and the
 * workbench's: unknown comment or author 404, state not queryable or queue being rebalanced 503 with Retry-After,
 * the broker not acknowledging a publish 503.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
public class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ApiProblems.class);

	private final WorkbenchSettings settings;

	public ApiProblems(WorkbenchSettings settings) {
		this.settings = settings;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> incompleteQueue(IncompleteQueueException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The moderation state is being rebalanced across instances; retry shortly.");
		problem.setTitle("Being rebalanced");
		problem.setType(URI.create("urn:comment-moderation:problem:rebalancing"));
		problem.setProperty("missingPartitions", ex.missing());
		problem.setProperty("duplicatedPartitions", ex.duplicated());
		return unavailable(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> stateUnavailable(StateUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("State not queryable now");
		problem.setType(URI.create("urn:comment-moderation:problem:state-unavailable"));
		return unavailable(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> publishFailed(PublishFailedException ex) {
		// the cause names the broker's failure only: no comment text or author in it
		log.warn(ex.getMessage() + ": " + ex.getCause());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				ex.getMessage() + ". Nothing is known to be published; send it again.");
		problem.setTitle("Not published");
		return unavailable(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(WorkbenchApiController.NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badRequest(WorkbenchApiController.BadRequestException ex) {
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()));
	}

	private ResponseEntity<ProblemDetail> unavailable(ProblemDetail problem) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, this.settings.retryAfter().toSeconds())))
			.body(problem);
	}

}
