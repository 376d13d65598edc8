package dev.commentmoderation.web.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UsersFileTests {

	@TempDir
	Path dir;

	Path write(String yaml) throws IOException {
		return Files.writeString(this.dir.resolve("users.yml"), yaml);
	}

	@Test
	void theDevUsersFileHasAModeratorAndAViewer() {
		assertThat(UsersFile.read(Path.of("src/test/resources/dev-users.yml")))
			.extracting(UsersFile.User::name, UsersFile.User::roles)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("moderator", java.util.Set.of(Role.MODERATOR)),
					org.assertj.core.groups.Tuple.tuple("viewer", java.util.Set.of(Role.VIEWER)));
	}

	@Test
	void rolesAreReadInAnyCase() throws IOException {
		assertThat(UsersFile.read(write("users:\n  - {name: ann, password: '{noop}x', roles: [moderator, Viewer]}\n"))
			.get(0)
			.roles()).containsExactlyInAnyOrder(Role.MODERATOR, Role.VIEWER);
	}

	@Test
	void aPasswordWithoutItsEncodingIsRefusedNamingTheUserNotThePassword() throws IOException {
		assertThatExceptionOfType(UsersFile.InvalidUsersFileException.class)
			.isThrownBy(() -> UsersFile.read(write("users:\n  - {name: ann, password: hunter2, roles: [VIEWER]}\n")))
			.withMessageStartingWith("moderation.security.users-file: ")
			.withMessageContaining("(ann)")
			.withMessageContaining("'password' must start with its encoding")
			.withMessageNotContaining("hunter2");
	}

	@Test
	void anUnknownRoleIsRefused() throws IOException {
		assertThatExceptionOfType(UsersFile.InvalidUsersFileException.class)
			.isThrownBy(() -> UsersFile.read(write("users:\n  - {name: ann, password: '{noop}x', roles: [ADMIN]}\n")))
			.withMessageContaining("unknown role 'ADMIN'");
	}

	@Test
	void aUserListedTwiceIsRefused() throws IOException {
		assertThatExceptionOfType(UsersFile.InvalidUsersFileException.class)
			.isThrownBy(() -> UsersFile.read(write("""
					users:
					  - {name: ann, password: '{noop}x', roles: [VIEWER]}
					  - {name: ann, password: '{noop}y', roles: [VIEWER]}
					""")))
			.withMessageContaining("listed twice");
	}

	@Test
	void aFileWithoutUsersIsRefused() throws IOException {
		assertThatExceptionOfType(UsersFile.InvalidUsersFileException.class)
			.isThrownBy(() -> UsersFile.read(write("people: []\n")))
			.withMessageContaining("must have a list 'users'");
	}

	@Test
	void aMissingFileIsRefusedNamingTheProperty() {
		assertThatExceptionOfType(UsersFile.InvalidUsersFileException.class)
			.isThrownBy(() -> UsersFile.read(this.dir.resolve("missing.yml")))
			.withMessageStartingWith("moderation.security.users-file: ");
	}

}
