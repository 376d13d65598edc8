package dev.commentmoderation.web.security;

import java.util.Locale;
import java.util.Optional;

/** What a workbench user may do: a MODERATOR acts (and reads), a VIEWER reads. */
public enum Role {

	MODERATOR, VIEWER;

	/** The Spring Security authority of the role. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** A role named without prefix, in any case ({@code moderator}, {@code VIEWER}); empty for any other name. */
	public static Optional<Role> named(String name) {
		String upper = name.strip().toUpperCase(Locale.ROOT);
		for (Role role : values()) {
			if (role.name().equals(upper)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
