package dev.commentmoderation.web.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The users file of the embedded run and the demo ({@code moderation.security.users-file}):
 *
 * <pre>
 * users:
 *   - name: moderator
 *     password: "{bcrypt}$2a$10$..."   # or "{noop}moderator" for a demo
 *     roles: [MODERATOR]
 * </pre>
 *
 * Every problem is found at start-up, with the user it concerns (never the password).
 */
public final class UsersFile {

	public static final String PROPERTY = "moderation.security.users-file";

	private static final Pattern ENCODED_PASSWORD = Pattern.compile("\\{(bcrypt|noop|pbkdf2@SpringSecurity_v5_8|"
			+ "argon2@SpringSecurity_v5_8|scrypt@SpringSecurity_v5_8|pbkdf2|argon2|scrypt)}.+");

	private UsersFile() {
	}

	/** A user as the file lists it: the password still encoded, with its {@code {id}} prefix. */
	public record User(String name, String encodedPassword, Set<Role> roles) {

		@Override
		public String toString() {
			return "User[" + this.name + ", " + this.roles + "]";
		}

	}

	/** @throws InvalidUsersFileException naming the property, the file and every problem found */
	public static List<User> read(Path file) {
		JsonNode root;
		try {
			root = YAMLMapper.builder().build().readTree(Files.readString(file));
		}
		catch (IOException | JacksonException ex) {
			throw new InvalidUsersFileException(file, List.of("cannot be read as YAML: " + ex.getClass().getSimpleName()));
		}
		List<String> problems = new ArrayList<>();
		List<User> users = new ArrayList<>();
		JsonNode list = (root == null) ? null : root.get("users");
		if (list == null || !list.isArray()) {
			throw new InvalidUsersFileException(file, List.of("must have a list 'users'"));
		}
		Set<String> names = new HashSet<>();
		int index = 0;
		for (JsonNode entry : list) {
			String where = "users[" + index++ + "]";
			String name = text(entry, "name");
			if (name == null || name.isBlank()) {
				problems.add(where + ": 'name' is missing");
				continue;
			}
			where = where + " (" + name + ")";
			if (!names.add(name)) {
				problems.add(where + ": listed twice");
			}
			String password = text(entry, "password");
			if (password == null || !ENCODED_PASSWORD.matcher(password).matches()) {
				problems.add(where + ": 'password' must start with its encoding, {bcrypt}... or {noop}...");
			}
			Set<Role> roles = new LinkedHashSet<>();
			JsonNode roleNodes = entry.get("roles");
			if (roleNodes == null || !roleNodes.isArray() || roleNodes.isEmpty()) {
				problems.add(where + ": 'roles' must list MODERATOR and/or VIEWER");
			}
			else {
				for (JsonNode roleNode : roleNodes) {
					String roleName = roleNode.isString() ? roleNode.stringValue() : roleNode.toString();
					Role.named(roleName).ifPresentOrElse(roles::add,
							() -> problems.add("users (" + name + "): unknown role '" + roleName + "'"));
				}
			}
			users.add(new User(name, password, roles));
		}
		if (!problems.isEmpty()) {
			throw new InvalidUsersFileException(file, problems);
		}
		return List.copyOf(users);
	}

	private static String text(JsonNode entry, String field) {
		JsonNode node = entry.get(field);
		return (node == null || !node.isString()) ? null : node.stringValue();
	}

	/** The users file is missing, unreadable or invalid: start-up stops. */
	public static final class InvalidUsersFileException extends InvalidWorkbenchSettingException {

		InvalidUsersFileException(Path file, List<String> problems) {
			super(PROPERTY + ": " + file + " " + String.join("; ", problems));
		}

	}

}
