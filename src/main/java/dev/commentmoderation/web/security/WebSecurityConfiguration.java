package dev.commentmoderation.web.security;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.util.StringUtils;

import dev.commentmoderation.web.WorkbenchSettings;

/**
 * Four filter chains, most specific first: actuator (its own rules, on the management port when one is set), the
 * peers' {@code /internal/v1} (shared secret), the API {@code /api/v1} (stateless: HTTP Basic from the users file
 * or a Bearer JWT) and the console (form login, session, CSRF). MODERATOR implies VIEWER.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSecurityConfiguration {

	private static final Log logger = LogFactory.getLog(WebSecurityConfiguration.class);

	static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

	static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

	static final String APPLICATION_SERVER = "spring.kafka.streams.properties.application.server";

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix().role(Role.MODERATOR.name()).implies(Role.VIEWER.name()).build();
	}

	/** The users file's users; none without one (then only a JWT authenticates). */
	@Bean
	UserDetailsService workbenchUsers(SecuritySettings settings, Environment environment) {
		checkSettings(settings, environment);
		if (settings.usersFile() == null) {
			return new InMemoryUserDetailsManager();
		}
		List<UserDetails> users = UsersFile.read(settings.usersFile())
			.stream()
			.map((user) -> User.withUsername(user.name())
				.password(user.encodedPassword())
				.authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
				.build())
			.map(UserDetails.class::cast)
			.toList();
		return new InMemoryUserDetailsManager(users);
	}

	/** Settings that would leave the workbench open or unusable stop start-up, naming the property. */
	private static void checkSettings(SecuritySettings settings, Environment environment) {
		for (String property : List.of(ISSUER_URI, JWK_SET_URI)) {
			String value = environment.getProperty(property);
			if (value != null) {
				URI uri;
				try {
					uri = URI.create(value.strip());
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidWorkbenchSettingException(property + ": not a URI");
				}
				if (!uri.isAbsolute() || !Set.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
					throw new InvalidWorkbenchSettingException(property + ": must be an absolute http(s) URI, was " + value);
				}
			}
		}
		boolean jwt = environment.getProperty(ISSUER_URI) != null || environment.getProperty(JWK_SET_URI) != null;
		if (settings.usersFile() == null && !jwt) {
			logger.warn("Neither " + UsersFile.PROPERTY + " nor " + ISSUER_URI + " / " + JWK_SET_URI
					+ " is set: no one can log in to the workbench API or console");
		}
		// a warning, not a failure: a single instance (or one owning every partition) answers everything itself,
		// and the chart advertises application.server on every pod; a fan-out without the secret answers 503
		if (StringUtils.hasText(environment.getProperty(APPLICATION_SERVER))
				&& !StringUtils.hasText(environment.getProperty("moderation.workbench.peer-secret"))) {
			logger.warn("moderation.workbench.peer-secret is not set although " + APPLICATION_SERVER
					+ " is: instances cannot call each other's /internal/v1, so with more than one instance the "
					+ "workbench's queue and reads of keys owned elsewhere answer 503");
		}
	}

	@Bean
	@Order(1)
	SecurityFilterChain actuatorChain(HttpSecurity http, ObjectProvider<JwtDecoder> jwt, SecuritySettings settings)
			throws Exception {
		// and the rest of /actuator, so that an endpoint that is not exposed is a 404 for a viewer, not a login page
		http.securityMatcher(new OrRequestMatcher(EndpointRequest.toAnyEndpoint(),
				PathPatternRequestMatcher.pathPattern("/actuator/**")))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(EndpointRequest.to("health", "info", "prometheus"))
				.permitAll()
				.anyRequest()
				.hasRole(Role.VIEWER.name()));
		return stateless(http, jwt, settings).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain peerChain(HttpSecurity http, WorkbenchSettings workbench) throws Exception {
		http.securityMatcher("/internal/**")
			.addFilterBefore(new PeerSecretFilter(workbench), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasAuthority(PeerSecretFilter.PEER_AUTHORITY))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(ProblemResponses.unauthorized("Peer-Secret"))
				.accessDeniedHandler(ProblemResponses.forbidden()));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain apiChain(HttpSecurity http, ObjectProvider<JwtDecoder> jwt, SecuritySettings settings)
			throws Exception {
		http.securityMatcher("/api/**").authorizeHttpRequests((requests) -> requests
			.requestMatchers(HttpMethod.GET, "/api/**")
			.hasRole(Role.VIEWER.name())
			.anyRequest()
			.hasRole(Role.MODERATOR.name()));
		return stateless(http, jwt, settings).build();
	}

	/**
	 * The console: form login and a session; CSRF on for its form posts and its fetch() writes (the page reads the
	 * token from {@code /console/api/v1/session}). Its API calls are the API's, under {@code /console/api/v1}.
	 */
	@Bean
	@Order(4)
	SecurityFilterChain consoleChain(HttpSecurity http, Environment environment) throws Exception {
		if (!environment.getProperty("moderation.console.enabled", Boolean.class, true)) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().denyAll());
			return http.build();
		}
		PathPatternRequestMatcher consoleApi = PathPatternRequestMatcher.pathPattern("/console/api/**");
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/login", "/error", "/favicon.ico")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/console/**", "/console")
			.hasRole(Role.VIEWER.name())
			.requestMatchers("/console/api/**")
			.hasRole(Role.MODERATOR.name())
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.defaultSuccessUrl("/console/", true))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling((exceptions) -> exceptions
				// not authenticationEntryPoint(...): a custom one would switch off the generated login page
				.defaultAuthenticationEntryPointFor(ProblemResponses.unauthorized("FormLogin"), consoleApi)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						AnyRequestMatcher.INSTANCE)
				.defaultAccessDeniedHandlerFor(ProblemResponses.forbidden(), consoleApi));
		return http.build();
	}

	private static HttpSecurity stateless(HttpSecurity http, ObjectProvider<JwtDecoder> jwt,
			SecuritySettings settings) throws Exception {
		JwtDecoder decoder = jwt.getIfAvailable();
		String challenge = (decoder != null) ? "Basic realm=\"comment-moderation\", Bearer" : "Basic realm=\"comment-moderation\"";
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.httpBasic((basic) -> basic.authenticationEntryPoint(ProblemResponses.unauthorized(challenge)))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(ProblemResponses.unauthorized(challenge))
				.accessDeniedHandler(ProblemResponses.forbidden()));
		if (decoder != null) {
			SecuritySettings.Jwt claims = settings.jwt();
			http.oauth2ResourceServer((server) -> server
				.authenticationEntryPoint(ProblemResponses.unauthorized(challenge))
				.accessDeniedHandler(ProblemResponses.forbidden())
				.jwt((token) -> token.decoder(decoder).jwtAuthenticationConverter((source) -> {
					Set<GrantedAuthority> authorities = JwtRoles.of(source.getClaims(), claims.rolesClaim())
						.stream()
						.map((role) -> new SimpleGrantedAuthority(role.authority()))
						.collect(Collectors.toSet());
					String name = source.getClaimAsString(claims.nameClaim());
					return new JwtAuthenticationToken(source, authorities,
							StringUtils.hasText(name) ? name : source.getSubject());
				})));
		}
		return http;
	}

}
