package dev.commentmoderation.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.commentmoderation.policy.PolicyProperties;
import dev.commentmoderation.settings.RuleProperties;
import dev.commentmoderation.settings.TopicSettings;

import static dev.commentmoderation.deploy.Chart.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting the chart and the compose file pass to the service must bind to a real property of the service,
 * so that a renamed property fails here and not in a deployment. Each environment variable must name a property in
 * the service's generated configuration metadata or in Spring Boot's (from the jars on the classpath), an element
 * of a list property, or a key of a map property (Kafka client and Streams keys must be real Kafka configs); and,
 * bound through Spring's Binder from a SystemEnvironmentPropertySource, the service's settings must receive the
 * values. JVM options (JAVA_TOOL_OPTIONS, JAVA_OPTS, JDK_JAVA_OPTIONS) are read by the JVM, not by Spring.
 */
class SettingsBindingTest {

	/** Variables for the JVM, and POD_IP, which the chart sets only for application.server to refer to. */
	private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS", "JDK_JAVA_OPTIONS",
			"POD_IP");

	/** Map properties whose keys are Kafka configuration names. */
	private static final Set<String> KAFKA_CONFIG_MAPS = Set.of("spring.kafka.properties",
			"spring.kafka.streams.properties", "spring.kafka.consumer.properties", "spring.kafka.producer.properties",
			"spring.kafka.admin.properties");

	private static final Pattern LIST_ELEMENT = Pattern.compile("(.+?)_[0-9]+_?");

	/** Property names, and their types, from every configuration metadata file on the classpath. */
	static final Map<String, String> PROPERTIES = new HashMap<>();

	static final Map<String, String> PROPERTIES_BY_ENV_NAME = new HashMap<>();

	static final Set<String> SERVICE_PROPERTIES = new TreeSet<>();

	@BeforeAll
	static void loadMetadata() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		for (String file : List.of("META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json")) {
			for (URL url : Collections.list(SettingsBindingTest.class.getClassLoader().getResources(file))) {
				boolean service = url.getProtocol().equals("file") && url.getPath().contains("/target/classes/");
				try (InputStream in = url.openStream()) {
					for (JsonNode property : mapper.readTree(in).path("properties")) {
						String name = property.path("name").asString();
						PROPERTIES.putIfAbsent(name, property.path("type").asString(""));
						PROPERTIES_BY_ENV_NAME.putIfAbsent(envName(name), name);
						if (service) {
							SERVICE_PROPERTIES.add(name);
						}
					}
				}
			}
		}
		assertThat(SERVICE_PROPERTIES).as("the service's generated configuration metadata (target/classes)")
			.contains("moderation.topics.submitted", "moderation.rules.max-links");
		assertThat(PROPERTIES).as("Spring Boot's Kafka metadata").containsKey("spring.kafka.bootstrap-servers");
	}

	/** The environment variable Spring Boot binds to a canonical property name. */
	static String envName(String property) {
		return property.replace("-", "").replace('.', '_').toUpperCase();
	}

	@Test
	void everyVariableTheChartPassesIsARealProperty() {
		for (Path[] values : List.of(new Path[0], new Path[] { Chart.ALL_ON }, new Path[] { Chart.HPA },
				new Path[] { Chart.SECRETS })) {
			Map<String, String> env = HelmChartTest.env(single(Chart.render(values), "Deployment"));
			assertAllBind("chart with " + List.of(values), env);
		}
	}

	@Test
	void everyVariableComposePassesIsARealProperty() {
		assertAllBind("docker-compose.yml", composeEnvironment());
	}

	@Test
	void everyVariableTheImageSetsIsARealProperty() throws IOException {
		assertAllBind("Dockerfile", dockerfileEnvironment());
	}

	@Test
	void aRenamedPropertyFailsTheCheck() {
		assertThat(problem("MODERATION_RULES_MAXLINK")).contains("MODERATION_RULES_MAXLINK")
			.contains("moderation.rules.max-links");
		assertThat(problem("SPRING_KAFKA_PROPERTIES_SASL_MECHANISMS")).contains("not a Kafka");
		assertThat(problem("MODERATION_RULES_SPAMPATTERN_0_")).isNotNull();
		assertThat(problem("MODERATION_TOPICS_DEADLETTER")).isNull();
		assertThat(problem("MODERATION_RULES_SPAMPATTERNS_3_")).isNull();
		assertThat(problem("SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS")).isNull();
	}

	@Test
	void theServiceReceivesTheChartsValues() {
		Map<String, String> env = HelmChartTest.env(single(Chart.render(Chart.ALL_ON), "Deployment"));
		Binder binder = binder(env);

		TopicSettings topics = binder.bindOrCreate("moderation.topics", TopicSettings.class);
		assertThat(topics).isEqualTo(new TopicSettings("prod.comments.submitted", "prod.comments.approved",
				"prod.comments.rejected", "prod.comments.submitted.DLT", "prod.comments.held", "prod.comments.reviewed",
				"prod.comments.author-actions", "prod.comments.classifier-model", false, 12,
				(short) 3));

		RuleProperties rules = binder.bindOrCreate("moderation.rules", RuleProperties.class);
		assertThat(rules).isEqualTo(new RuleProperties(100, 90, 150, 10000, 5, List.of(),
				Path.of("/etc/comment-moderation/blocked-terms/blocked-terms.txt"),
				List.of("(?i)viagra", "(?i)\\b(buy|cheap) now\\b", "x{3,}"), Duration.ofSeconds(3), List.of(),
				Path.of("/etc/comment-moderation/held-terms/held-terms.txt"),
				Map.of(), Duration.ofSeconds(15), Duration.ofDays(7), Duration.ofDays(7), 1, Duration.ofDays(365),
				Duration.ofDays(30)));

		assertThat(binder.bindOrCreate("moderation.policy", PolicyProperties.class)).isEqualTo(new PolicyProperties(
				Path.of("/etc/comment-moderation/policy/moderation-policy.yaml"), Duration.ofSeconds(30),
				Duration.ofHours(1)));

		KafkaProperties kafka = binder.bindOrCreate("spring.kafka", KafkaProperties.class);
		assertThat(kafka.getBootstrapServers()).containsExactly("kafka-0.kafka:9092", "kafka-1.kafka:9092");
		assertThat(kafka.getStreams().getApplicationId()).isEqualTo("moderation-prod");
		assertThat(kafka.getStreams().getStateDir()).isEqualTo("/var/lib/kafka-streams");
		Map<String, Object> streams = kafka.buildStreamsProperties();
		assertThat(streams).containsEntry("security.protocol", "SASL_SSL")
			.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
			.containsEntry("sasl.jaas.config", "secret:moderation-comment-moderation/sasl.jaas.config")
			.containsEntry("ssl.truststore.type", "PKCS12")
			.containsEntry("ssl.truststore.password", "secret:my-cluster-cluster-ca-cert/ca.password")
			.containsEntry("client.rack", "zone-a")
			.containsEntry("num.standby.replicas", "1")
			.containsEntry("application.id", "moderation-prod");
		assertThat((String) streams.get("ssl.truststore.location")).endsWith("/etc/kafka-tls/truststore/ca.p12");
		// staticMembership.enabled: the pod name (downward API) reaches the property StreamsConfiguration reads
		assertThat(binder.bind("moderation.instance-id", String.class).get()).isEqualTo("field:metadata.name");
	}

	@Test
	void theServiceReceivesSettingsFromExistingSecrets() {
		Map<String, String> env = HelmChartTest.env(single(Chart.render(Chart.SECRETS), "Deployment"));
		Binder binder = binder(env);
		KafkaProperties kafka = binder.bindOrCreate("spring.kafka", KafkaProperties.class);
		assertThat(kafka.getBootstrapServers()).containsExactly("secret:kafka-connection/bootstrap.servers");
		Map<String, Object> streams = kafka.buildStreamsProperties();
		assertThat(streams).containsEntry("sasl.mechanism", "PLAIN")
			.containsEntry("sasl.jaas.config", "secret:kafka-connection/jaas.conf")
			.containsEntry("ssl.truststore.type", "PEM")
			.containsEntry("ssl.keystore.type", "PKCS12")
			.containsEntry("ssl.keystore.password", "secret:kafka-client/client.password");
		assertThat((String) streams.get("ssl.keystore.location")).endsWith("/etc/kafka-tls/keystore/client.p12");
		RuleProperties rules = binder.bindOrCreate("moderation.rules", RuleProperties.class);
		assertThat(rules.spamPatterns()).as("spamPatterns: [] switches them all off").isEmpty();
		assertThat(rules.blockedTermsFile()).isEqualTo(Path.of("/etc/comment-moderation/blocked-terms/terms.txt"));
	}

	@Test
	void theServiceReceivesTheComposeSettings() {
		Binder binder = binder(composeEnvironment());
		TopicSettings topics = binder.bindOrCreate("moderation.topics", TopicSettings.class);
		assertThat(topics.create()).isFalse();
		assertThat(topics.submitted()).isEqualTo("comments.submitted");
		KafkaProperties kafka = binder.bindOrCreate("spring.kafka", KafkaProperties.class);
		assertThat(kafka.getBootstrapServers()).containsExactly("kafka:9092");
		assertThat(kafka.getStreams().getStateDir()).isEqualTo("/var/lib/kafka-streams");
		PolicyProperties policy = binder.bindOrCreate("moderation.policy", PolicyProperties.class);
		assertThat(policy.file()).isEqualTo(Path.of("/etc/comment-moderation/policy/moderation-policy.yaml"));
		assertThat(policy.reloadInterval()).isEqualTo(Duration.ofSeconds(2));
		RuleProperties rules = binder.bindOrCreate("moderation.rules", RuleProperties.class);
		assertThat(rules.blockedTermsFile()).as("the policy owns the terms").isNull();
		assertThat(rules.heldTermsFile()).isNull();
	}

	private static Binder binder(Map<String, String> env) {
		Map<String, Object> source = new LinkedHashMap<>(env);
		JVM_VARIABLES.forEach(source::remove);
		// Spring Boot maps names the environment's way only for a source named like the real one.
		return new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source)));
	}

	private static void assertAllBind(String origin, Map<String, String> env) {
		assertThat(env).as(origin + " passes no settings").isNotEmpty();
		List<String> problems = new ArrayList<>();
		env.keySet().forEach((name) -> {
			String problem = problem(name);
			if (problem != null) {
				problems.add(origin + ": " + problem);
			}
		});
		assertThat(problems).as("settings that bind to no property of the service").isEmpty();
	}

	/** Why an environment variable binds to no property, or null when it does. */
	static String problem(String variable) {
		if (JVM_VARIABLES.contains(variable)) {
			return null;
		}
		if (PROPERTIES_BY_ENV_NAME.containsKey(variable)) {
			return null;
		}
		Matcher element = LIST_ELEMENT.matcher(variable);
		if (element.matches()) {
			String property = PROPERTIES_BY_ENV_NAME.get(element.group(1));
			if (property != null && PROPERTIES.get(property).startsWith("java.util.List")) {
				return null;
			}
		}
		for (Map.Entry<String, String> entry : PROPERTIES.entrySet()) {
			String prefix = envName(entry.getKey()) + "_";
			if (entry.getValue().startsWith("java.util.Map") && variable.startsWith(prefix)) {
				if (!KAFKA_CONFIG_MAPS.contains(entry.getKey())) {
					return null;
				}
				String key = variable.substring(prefix.length()).toLowerCase().replace('_', '.');
				if (kafkaConfigNames().contains(key)) {
					return null;
				}
				return variable + " sets " + entry.getKey() + "[" + key + "], which is not a Kafka client or Streams "
						+ "configuration";
			}
		}
		String guess = closest(variable);
		return variable + " binds to no property" + (guess == null ? "" : " (did you mean " + guess + "?)");
	}

	private static Set<String> kafkaConfigNames() {
		Set<String> names = new TreeSet<>();
		names.addAll(ProducerConfig.configNames());
		names.addAll(ConsumerConfig.configNames());
		names.addAll(AdminClientConfig.configNames());
		names.addAll(StreamsConfig.configDef().names());
		return names;
	}

	private static String closest(String variable) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (Map.Entry<String, String> entry : PROPERTIES_BY_ENV_NAME.entrySet()) {
			int distance = distance(variable, entry.getKey());
			if (distance < bestDistance) {
				bestDistance = distance;
				best = entry.getValue();
			}
		}
		return (bestDistance <= 4) ? best : null;
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	@SuppressWarnings("unchecked")
	static Map<String, String> composeEnvironment() {
		Map<String, Object> compose = Chart.loadYaml(Chart.PROJECT.resolve("docker-compose.yml"));
		Map<String, Object> environment = Chart.at(compose, "services", "comment-moderation", "environment");
		Map<String, String> env = new LinkedHashMap<>();
		environment.forEach((name, value) -> env.put(name, String.valueOf(value)));
		return env;
	}

	/** ENV instructions of the Dockerfile's final stage (KEY=VALUE pairs, with line continuations). */
	static Map<String, String> dockerfileEnvironment() throws IOException {
		String dockerfile = Files.readString(Chart.PROJECT.resolve("Dockerfile")).replace("\\\n", " ");
		String finalStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
		Map<String, String> env = new LinkedHashMap<>();
		Matcher instruction = Pattern.compile("(?m)^ENV\\s+(.*)$").matcher(finalStage);
		while (instruction.find()) {
			Matcher pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)").matcher(instruction.group(1));
			while (pair.find()) {
				env.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
			}
		}
		return env;
	}

}
