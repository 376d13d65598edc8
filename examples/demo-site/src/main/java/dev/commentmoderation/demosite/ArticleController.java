package dev.commentmoderation.demosite;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The article page and its comment form. Posting the form publishes the comment and redirects back to the page
 * (POST-redirect-GET), which says the comment awaits moderation; works without JavaScript. comments.js then polls
 * {@code /comments/status} and refreshes the comments section when a decision arrives.
 */
@Controller
public class ArticleController {

	/** The one article of this demo. */
	static final String POST_ID = "night-trains-return";

	private static final Logger logger = LoggerFactory.getLogger(ArticleController.class);

	/** Where each reason's {@code field} is shown: the id of the form control it belongs to. */
	private static final Map<String, String> FORM_FIELDS = Map.of("content", "comment", "author.name", "author",
			"author.email", "email", "author.url", "url");

	private static final DateTimeFormatter COMMENT_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm",
			Locale.ENGLISH);

	private final CommentPublisher publisher;

	private final ApprovedCommentStore store;

	private final DecisionBoard board;

	private final DemoSiteProperties properties;

	ArticleController(CommentPublisher publisher, ApprovedCommentStore store, DecisionBoard board,
			DemoSiteProperties properties) {
		this.publisher = publisher;
		this.store = store;
		this.board = board;
		this.properties = properties;
	}

	@GetMapping("/")
	String article(HttpSession session, Model model) {
		return render(session, model, null, null);
	}

	@PostMapping("/comments")
	String submit(@ModelAttribute CommentForm form, HttpServletRequest request, HttpSession session, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		String commentId;
		try {
			commentId = this.publisher.publish(POST_ID, form, request.getRemoteAddr(), request.getHeader("User-Agent"));
		}
		catch (Exception ex) {
			logger.warn("Could not publish a comment", ex);
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			return render(session, model, form,
					"Sorry, we could not receive your comment just now. Please try again in a moment.");
		}
		submissions(session).add(commentId, form);
		return "redirect:/#comment-" + commentId;
	}

	/** What became of this visitor's comments (and only theirs): AWAITING, HELD, APPROVED or REJECTED. */
	@GetMapping(path = "/comments/status", produces = "application/json")
	@ResponseBody
	Map<String, String> status(@RequestParam(name = "id", required = false) List<String> ids, HttpSession session) {
		Map<String, String> status = new LinkedHashMap<>();
		Submissions mine = submissions(session);
		for (String id : (ids != null) ? ids : List.<String>of()) {
			if (mine.contains(id)) {
				status.put(id, outcome(id).status().name());
			}
		}
		return status;
	}

	private String render(HttpSession session, Model model, CommentForm retry, String problem) {
		String now = OffsetDateTime.now(this.properties.timeZone()).withNano(0).toString();
		Submissions mine = submissions(session);
		List<Map<String, String>> awaiting = new ArrayList<>();
		List<String> awaitingIds = new ArrayList<>();
		String published = null;
		String rejectedId = null;
		List<Reason> reasons = List.of();
		CommentForm form = (retry != null) ? retry.renderedAt(now) : CommentForm.empty().renderedAt(now);
		Map<String, CommentForm> all = mine.all();
		String latest = all.isEmpty() ? null : new ArrayList<>(all.keySet()).get(all.size() - 1);
		for (Map.Entry<String, CommentForm> entry : all.entrySet()) {
			String id = entry.getKey();
			Outcome outcome = outcome(id);
			switch (outcome.status()) {
				case APPROVED -> {
					published = id; // said once, then forgotten
					mine.remove(id);
				}
				case REJECTED -> {
					if (id.equals(latest) && retry == null) {
						// Shown (with the form filled in as they typed it) until they submit again.
						rejectedId = id;
						reasons = outcome.reasons();
						form = entry.getValue().renderedAt(now);
					}
					else {
						mine.remove(id);
					}
				}
				default -> {
					awaiting.add(Map.of("id", id, "name", nullToEmpty(entry.getValue().author()), "content",
							nullToEmpty(entry.getValue().comment())));
					awaitingIds.add(id);
				}
			}
		}
		Map<String, String> fieldErrors = new LinkedHashMap<>();
		List<String> formErrors = new ArrayList<>();
		for (Reason reason : reasons) {
			String field = FORM_FIELDS.get(reason.field());
			if (field != null) {
				fieldErrors.merge(field, reason.message(), (a, b) -> a + " " + b);
			}
			else {
				formErrors.add(reason.message());
			}
		}
		model.addAttribute("postId", POST_ID);
		// A link to the very same URL with another #fragment would only scroll: a new query string reloads.
		model.addAttribute("checkedAt", System.currentTimeMillis() / 1000);
		model.addAttribute("comments", this.store.forPost(POST_ID).stream().map(this::view).toList());
		model.addAttribute("awaiting", awaiting);
		model.addAttribute("awaitingIds", String.join(" ", awaitingIds));
		model.addAttribute("published", published);
		model.addAttribute("rejectedId", rejectedId);
		model.addAttribute("reasons", reasons);
		model.addAttribute("fieldErrors", fieldErrors);
		model.addAttribute("formErrors", formErrors);
		model.addAttribute("problem", problem);
		model.addAttribute("form", form);
		return "article";
	}

	private Outcome outcome(String commentId) {
		Outcome outcome = this.board.outcome(commentId);
		if (outcome.status() != Outcome.Status.APPROVED && this.store.contains(commentId)) {
			return new Outcome(Outcome.Status.APPROVED, List.of());
		}
		return outcome;
	}

	private Map<String, String> view(PublishedComment comment) {
		Map<String, String> view = new LinkedHashMap<>();
		view.put("id", comment.commentId());
		view.put("name", (comment.name() != null) ? comment.name() : "Anonymous");
		// Only http(s) links: the service checks the website, and the page does not trust anything it did not check.
		String url = comment.url();
		view.put("url", (url != null && url.matches("(?i)https?://\\S+")) ? url : null);
		view.put("content", nullToEmpty(comment.content()));
		view.put("datetime", nullToEmpty(comment.submittedAt()));
		view.put("time", displayTime(comment.submittedAt()));
		return view;
	}

	private String displayTime(String instant) {
		try {
			return OffsetDateTime.parse(instant).atZoneSameInstant(this.properties.timeZone()).format(COMMENT_TIME);
		}
		catch (DateTimeParseException | NullPointerException ex) {
			return "";
		}
	}

	private static Submissions submissions(HttpSession session) {
		Submissions submissions = (Submissions) session.getAttribute(Submissions.ATTRIBUTE);
		if (submissions == null) {
			submissions = new Submissions();
			session.setAttribute(Submissions.ATTRIBUTE, submissions);
		}
		return submissions;
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
