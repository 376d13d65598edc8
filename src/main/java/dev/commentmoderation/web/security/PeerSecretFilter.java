package dev.commentmoderation.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.commentmoderation.web.WorkbenchSettings;

/**
 * Authenticates another instance of the service by the shared peer secret, for {@code /internal/v1}: with no
 * secret configured no request is a peer's.
 */
final class PeerSecretFilter extends OncePerRequestFilter {

	static final String PEER_AUTHORITY = "ROLE_PEER";

	private final byte[] secret;

	PeerSecretFilter(WorkbenchSettings settings) {
		this.secret = settings.hasPeerSecret() ? settings.peerSecret().getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(WorkbenchSettings.PEER_SECRET_HEADER);
		// constant time: the comparison must not tell a caller how much of the secret it guessed
		if (this.secret != null && presented != null
				&& MessageDigest.isEqual(this.secret, presented.getBytes(StandardCharsets.UTF_8))) {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("peer", null,
						List.of(new SimpleGrantedAuthority(PEER_AUTHORITY))));
		}
		chain.doFilter(request, response);
	}

}
