package dev.commentmoderation.web.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JwtRolesTests {

	@Test
	void aListClaimNamesTheRolesWithoutPrefix() {
		assertThat(JwtRoles.of(Map.of("roles", List.of("MODERATOR")), "roles")).containsExactly(Role.MODERATOR);
	}

	@Test
	void aSpaceSeparatedStringClaimIsSplit() {
		assertThat(JwtRoles.of(Map.of("scope", "openid viewer moderator"), "scope"))
			.containsExactlyInAnyOrder(Role.VIEWER, Role.MODERATOR);
	}

	@Test
	void aDottedPathReachesIntoObjects() {
		assertThat(JwtRoles.of(Map.of("realm_access", Map.of("roles", List.of("viewer", "offline_access"))),
				"realm_access.roles")).containsExactly(Role.VIEWER);
	}

	@Test
	void otherRoleNamesGrantNothing() {
		assertThat(JwtRoles.of(Map.of("roles", List.of("ROLE_MODERATOR", "admin")), "roles")).isEmpty();
	}

	@Test
	void aMissingClaimGrantsNothing() {
		assertThat(JwtRoles.of(Map.of("sub", "ann"), "realm_access.roles")).isEmpty();
	}

}
