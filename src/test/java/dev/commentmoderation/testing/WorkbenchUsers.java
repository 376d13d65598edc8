package dev.commentmoderation.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The users of src/test/resources/dev-users.yml (the embedded run's), for tests that log in. */
public final class WorkbenchUsers {

	/** A property setting the dev users file, for {@code @SpringBootTest(properties = ...)}. */
	public static final String USERS_FILE = "moderation.security.users-file=src/test/resources/dev-users.yml";

	public static final String MODERATOR = "moderator";

	public static final String VIEWER = "viewer";

	private WorkbenchUsers() {
	}

	/** The Authorization header value of HTTP Basic for a dev user (the password is the name). */
	public static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

}
