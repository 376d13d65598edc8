package dev.commentmoderation.web.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The workbench roles a token's claims grant: read from one claim, reached by a dotted path. */
public final class JwtRoles {

	private JwtRoles() {
	}

	/**
	 * @param claims the token's claims
	 * @param claimPath e.g. {@code roles}, or {@code realm_access.roles} for a claim inside an object
	 * @return the roles named (a list of names or one space- or comma-separated string); unknown names are ignored
	 */
	public static Set<Role> of(Map<String, Object> claims, String claimPath) {
		Object value = claims;
		for (String step : claimPath.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return Set.of();
			}
			value = map.get(step);
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (value instanceof Collection<?> names) {
			names.forEach((name) -> Role.named(String.valueOf(name)).ifPresent(roles::add));
		}
		else if (value instanceof String names) {
			for (String name : names.split("[\\s,]+")) {
				Role.named(name).ifPresent(roles::add);
			}
		}
		return roles;
	}

}
