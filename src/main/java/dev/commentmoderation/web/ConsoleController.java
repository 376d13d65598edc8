package dev.commentmoderation.web;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The console ({@code moderation.console.enabled}, default true): static HTML, CSS and JavaScript from
 * {@code static/console}, and who is logged in with the CSRF token its writes send.
 */
@Controller
@ConditionalOnBooleanProperty(name = "moderation.console.enabled", matchIfMissing = true)
public class ConsoleController {

	@GetMapping({ "/console", "/console/" })
	public String console() {
		return "forward:/console/index.html";
	}

	/** The user, their roles and the CSRF token for the console's fetch() writes (header X-CSRF-TOKEN). */
	@GetMapping("/console/api/v1/session")
	@ResponseBody
	public Map<String, Object> session(Authentication user, CsrfToken csrf) {
		List<String> roles = user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.toList();
		return Map.of("name", user.getName(), "roles", roles, "csrf",
				Map.of("headerName", csrf.getHeaderName(), "token", csrf.getToken()));
	}

}
