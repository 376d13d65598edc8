package dev.commentmoderation.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.commentmoderation.workbench.AuthorHistory;
import dev.commentmoderation.workbench.CommentHistory;
import dev.commentmoderation.workbench.HeldComment;
import dev.commentmoderation.workbench.Partitioned;
import dev.commentmoderation.workbench.RecentDecision;
import dev.commentmoderation.workbench.RecentDecisions.Outcome;
import dev.commentmoderation.workbench.RecentDecisions.RecentQuery;

/**
 * What one instance answers its peers from its own state, for the API's fan-out and routing. Only a request with
 * the peer secret gets here ({@code web.security.PeerSecretFilter}).
 */
@RestController
@RequestMapping("/internal/v1")
public class InternalController {

	private final WorkbenchQueries queries;

	public InternalController(WorkbenchQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/held")
	public Partitioned<List<HeldComment>> held() {
		return this.queries.local().localHeldComments();
	}

	/** The query as the asking instance built it (already validated there); blank site or outcome: all. */
	@GetMapping("/decided")
	public Partitioned<List<RecentDecision>> decided(@RequestParam(defaultValue = "") String site,
			@RequestParam(defaultValue = "") String outcome, @RequestParam java.time.Instant since,
			@RequestParam int page, @RequestParam int size) {
		return this.queries.local()
			.localRecentDecisions(new RecentQuery(site.isEmpty() ? null : site,
					outcome.isEmpty() ? null : Outcome.valueOf(outcome), since, page, size));
	}

	@GetMapping("/comments/{commentId}")
	public CommentHistory comment(@PathVariable String commentId) {
		return this.queries.local()
			.localComment(commentId)
			.orElseThrow(() -> new WorkbenchApiController.NotFoundException("Not known here"));
	}

	@GetMapping("/authors/{email}")
	public AuthorHistory author(@PathVariable String email) {
		return this.queries.local()
			.localAuthor(email)
			.orElseThrow(() -> new WorkbenchApiController.NotFoundException("Not known here"));
	}

}
