package dev.commentmoderation.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.RuleSettings;
import dev.commentmoderation.rules.StatefulSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a policy file (YAML; JSON is YAML too), checks it and compiles it into a {@link Policy}. Checks, all
 * reported together: the JSON Schema ({@code contract/moderation-policy.schema.json}), then what a schema cannot
 * say: spam patterns compile as RE2, durations parse, flood intervals fit the flood stores, hold-score is below
 * reject-score, term files can be read. Each problem names where it is, as {@code sites.<site>.<key>}.
 * <p>
 * Inheritance: the base settings (the service's {@code moderation.rules.*}), then {@code defaults}, then the site.
 * A level overrides only the keys it names; lists are replaced ({@code blocked-terms}) or added to
 * ({@code extra-blocked-terms}); {@code rules} merges code by code and key by key.
 */
public final class PolicyLoader {

	/** Where the schema is on the class path (copied there from contract/ by the build). */
	static final String SCHEMA_RESOURCE = "/dev/commentmoderation/policy/moderation-policy.schema.json";

	private static final Schema SCHEMA = loadSchema();

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/**
	 * moderation.policy.max-flood-interval when it is not set: an hour of flood state is small (one timestamp per
	 * author and IP) and covers every flood interval a site would want.
	 */
	public static final Duration DEFAULT_MAX_FLOOD_INTERVAL = Duration.ofHours(1);

	/** The settings a policy inherits from: the service's moderation.rules.* (or the built-in defaults). */
	public record Base(RuleSettings settings, DecisionRules decisionRules) {

		/** What the service builds when no moderation.rules.* property is set. */
		public static final Base DEFAULTS = new Base(RuleSettings.DEFAULTS,
				DecisionRules.of(RuleSettings.DEFAULTS.actions(), StatefulSettings.DEFAULTS));

		public Base {
			Objects.requireNonNull(settings, "settings");
			Objects.requireNonNull(decisionRules, "decisionRules");
		}

	}

	private final Base base;

	private final FloodLimit floodLimit;

	private final Clock clock;

	/**
	 * @param maxFloodInterval the longest flood interval the flood stores can serve (they are sized at start-up)
	 * @throws IllegalArgumentException naming moderation.rules.flood-interval when the base's is longer
	 */
	public PolicyLoader(Base base, Duration maxFloodInterval, Clock clock) {
		this.base = Objects.requireNonNull(base, "base");
		this.floodLimit = new FloodLimit(Objects.requireNonNull(maxFloodInterval, "maxFloodInterval"));
		this.clock = Objects.requireNonNull(clock, "clock");
		String problem = this.floodLimit.problem("moderation.rules.flood-interval",
				base.decisionRules().floodInterval());
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
	}

	/** A loader on the service's defaults: no moderation.rules.* and no moderation.policy.* property set. */
	public static PolicyLoader withDefaults(Clock clock) {
		return new PolicyLoader(Base.DEFAULTS, DEFAULT_MAX_FLOOD_INTERVAL, clock);
	}

	public Duration maxFloodInterval() {
		return this.floodLimit.max();
	}

	/** The policy of the base settings alone, when there is no policy file. */
	public Policy baseOnly() {
		SitePolicy defaults = SitePolicy.of(Policy.DEFAULT_SITE, this.base.settings(), this.base.decisionRules());
		return new Policy(hash(List.of(baseDescription().getBytes(StandardCharsets.UTF_8))), null, List.of(),
				this.clock.instant(), defaults, Map.of());
	}

	/**
	 * Reads and compiles the policy file.
	 * @throws PolicyException listing every problem, when the file cannot be read or is not a valid policy
	 */
	public Policy load(Path file) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new PolicyException(file.toString(), List.of("cannot read the file: " + describe(ex)));
		}
		return parse(bytes, file);
	}

	/**
	 * Compiles a policy from the file's content.
	 * @param file where it was read from: term files are relative to its directory
	 * @throws PolicyException listing every problem
	 */
	public Policy parse(byte[] content, Path file) {
		String source = String.valueOf(file);
		JsonNode root;
		try {
			root = YAML.readTree(content);
		}
		catch (JacksonException ex) {
			throw new PolicyException(source, List.of("not valid YAML: " + ex.getOriginalMessage()
					+ location(ex)));
		}
		if (root == null || root.isMissingNode() || root.isNull()) {
			root = YAML.createObjectNode();
		}
		List<String> problems = new ArrayList<>();
		for (Error error : SCHEMA.validate(root)) {
			problems.add(where(error) + ": " + error.getMessage());
		}
		if (!problems.isEmpty()) {
			throw new PolicyException(source, problems);
		}
		Path directory = (file != null && file.toAbsolutePath().getParent() != null)
				? file.toAbsolutePath().getParent() : Path.of(".");
		List<byte[]> hashed = new ArrayList<>();
		hashed.add(baseDescription().getBytes(StandardCharsets.UTF_8));
		hashed.add(content);
		List<Path> files = new ArrayList<>();
		PolicyLevelResolver resolver = new PolicyLevelResolver(directory, this.floodLimit, problems, hashed, files);
		PolicyLevelResolver.Level defaults = resolver.resolve("defaults", root.path("defaults"),
				new PolicyLevelResolver.Level(this.base.settings(), this.base.decisionRules()));
		Map<String, PolicyLevelResolver.Level> sites = new LinkedHashMap<>();
		root.path("sites").properties()
			.forEach(site -> sites.put(site.getKey(),
					resolver.resolve("sites." + site.getKey(), site.getValue(), defaults)));
		if (!problems.isEmpty()) {
			throw new PolicyException(source, problems);
		}
		SitePolicy defaultPolicy = compile(Policy.DEFAULT_SITE, "defaults", defaults, problems);
		Map<String, SitePolicy> sitePolicies = new LinkedHashMap<>();
		sites.forEach((site, level) -> sitePolicies.put(site, compile(site, "sites." + site, level, problems)));
		if (!problems.isEmpty()) {
			throw new PolicyException(source, problems);
		}
		return new Policy(hash(hashed), file, files, this.clock.instant(), defaultPolicy, sitePolicies);
	}

	private static SitePolicy compile(String site, String path, PolicyLevelResolver.Level level, List<String> problems) {
		try {
			return SitePolicy.of(site, level.settings(), level.decisionRules());
		}
		catch (RuntimeException ex) {
			problems.add(path + ": " + ex.getMessage());
			return null;
		}
	}

	/** The base settings, described deterministically: a change of them changes the version. */
	private String baseDescription() {
		return this.base.settings() + "\n" + this.base.decisionRules() + "\nmax-flood-interval="
				+ this.floodLimit.max();
	}

	private static String hash(List<byte[]> parts) {
		return HexFormat.of().formatHex(ContentHash.sha256(parts)).substring(0, 16);
	}

	/** "sites.a.blocked-terms[0]" for the schema's "/sites/a/blocked-terms/0"; "(file)" for the root. */
	private static String where(Error error) {
		String pointer = String.valueOf(error.getInstanceLocation()).replaceFirst("^\\$\\.?", "").replaceFirst("^/", "");
		if (pointer.isEmpty()) {
			return "(file)";
		}
		StringBuilder path = new StringBuilder();
		String previous = "";
		for (String segment : pointer.split("/", -1)) {
			boolean key = previous.equals("sites") || previous.equals("rules") || !segment.matches("\\d+");
			if (key) {
				path.append(path.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
			}
			else {
				path.append('[').append(segment).append(']');
			}
			previous = segment;
		}
		return path.toString();
	}

	private static String location(JacksonException ex) {
		return (ex.getLocation() != null && ex.getLocation().getLineNr() > 0)
				? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
	}

	static String describe(IOException ex) {
		return ex.getClass().getSimpleName() + (ex.getMessage() != null ? ": " + ex.getMessage() : "");
	}

	private static Schema loadSchema() {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		try (InputStream in = PolicyLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing class path resource " + SCHEMA_RESOURCE);
			}
			return registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
