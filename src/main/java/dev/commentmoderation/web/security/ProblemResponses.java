package dev.commentmoderation.web.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** 401 and 403 from the security filters, as RFC 9457 problem details like every other API error. */
final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/** 401 with the challenge a client can answer: Basic (users file) and, when configured, Bearer. */
	static AuthenticationEntryPoint unauthorized(String challenge) {
		return (request, response, ex) -> {
			response.addHeader("WWW-Authenticate", challenge);
			write(request, response, HttpStatus.UNAUTHORIZED,
					"Authentication required: HTTP Basic (users file) or a Bearer token.");
		};
	}

	static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(request, response, HttpStatus.FORBIDDEN,
				(ex instanceof CsrfException) ? "Missing or invalid CSRF token."
						: "Your role does not allow this: reads need VIEWER, writes need MODERATOR.");
	}

	static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), problem);
	}

}
