package dev.commentmoderation.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.commentmoderation.workbench.AuthorHistory;
import dev.commentmoderation.workbench.CommentHistory;
import dev.commentmoderation.workbench.HeldComment;
import dev.commentmoderation.workbench.Partitioned;

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
