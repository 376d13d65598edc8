package dev.commentmoderation.web.security;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.commentmoderation.settings.ReadableFile;

/**
 * Who may use the workbench. Production: an OAuth2/OIDC provider's JWTs (Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}), roles read from
 * {@link Jwt#rolesClaim()}. Embedded run and demo: a users file.
 *
 * @param usersFile a YAML file of users (name, {@code {bcrypt}} or {@code {noop}} password, roles), see
 * {@link UsersFile}; unset, no user logs in with a password
 * @param jwt how a JWT's claims become a user
 */
@Validated
@ConfigurationProperties("moderation.security")
public record SecuritySettings(@ReadableFile Path usersFile, @Valid @DefaultValue Jwt jwt) {

	/**
	 * @param rolesClaim the claim holding the user's roles: a list or a space-separated string of MODERATOR /
	 * VIEWER (any case, no prefix; other values are ignored); a dotted path reaches into objects, e.g.
	 * {@code realm_access.roles}
	 * @param nameClaim the claim naming the user (the moderator recorded on verdicts); {@code sub} when absent
	 */
	public record Jwt(@DefaultValue("roles") @NotBlank String rolesClaim,
			@DefaultValue("preferred_username") @NotBlank String nameClaim) {
	}

}
