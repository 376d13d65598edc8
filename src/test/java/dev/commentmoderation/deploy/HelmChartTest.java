package dev.commentmoderation.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import dev.commentmoderation.policy.Policy;
import dev.commentmoderation.policy.PolicyLoader;
import dev.commentmoderation.rules.DecisionRules;
import dev.commentmoderation.rules.RuleActions;
import dev.commentmoderation.rules.RuleSettings;

import static dev.commentmoderation.deploy.Chart.at;
import static dev.commentmoderation.deploy.Chart.ofKind;
import static dev.commentmoderation.deploy.Chart.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HelmChartTest {

	/** Spring Kafka's StreamsBuilderFactoryBean closes Kafka Streams with this timeout by default. */
	private static final int STREAMS_CLOSE_TIMEOUT_SECONDS = 10;

	@Test
	void lintsCleanWithDefaultValues() {
		LintResult result = Chart.lint();
		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
		assertThat(result.getMessages()).noneMatch((message) -> message.contains("[ERROR]") || message.contains("[WARNING]"));
	}

	@Test
	void lintsCleanWithEveryOptionalFeatureOn() {
		for (Path values : List.of(Chart.ALL_ON, Chart.HPA, Chart.SECRETS)) {
			LintResult result = Chart.lint(values);
			assertThat(result.isFailed()).as(values + ":\n" + String.join("\n", result.getMessages())).isFalse();
			assertThat(result.getMessages()).as(values.toString())
				.noneMatch((message) -> message.contains("[ERROR]") || message.contains("[WARNING]"));
		}
	}

	@Test
	void defaultValuesRenderOnlyTheCoreObjectsAllValid() {
		List<Map<String, Object>> manifests = Chart.render();
		assertThat(kinds(manifests)).containsExactlyInAnyOrder("ServiceAccount", "Service", "Deployment",
				"PodDisruptionBudget", "Pod");
		assertAllValid(manifests);
	}

	@Test
	void everyOptionalFeatureRendersValidObjects() {
		List<Map<String, Object>> manifests = Chart.render(Chart.ALL_ON);
		assertThat(kinds(manifests)).containsExactlyInAnyOrder("ServiceAccount", "Service", "Deployment",
				"PodDisruptionBudget", "Pod", "ConfigMap", "ConfigMap", "ConfigMap", "ConfigMap", "ConfigMap", "Job",
				"ScaledObject", "ServiceMonitor", "PrometheusRule",
				"NetworkPolicy", "KafkaTopic", "KafkaTopic", "KafkaTopic", "KafkaTopic", "KafkaTopic", "KafkaTopic",
				"KafkaTopic", "KafkaTopic", "KafkaUser");
		assertAllValid(manifests);

		List<Map<String, Object>> withHpa = Chart.render(Chart.HPA);
		assertThat(kinds(withHpa)).contains("HorizontalPodAutoscaler").doesNotContain("ScaledObject");
		assertAllValid(withHpa);
		assertThat((Object) at(single(withHpa, "Deployment"), "spec", "replicas"))
			.as("the autoscaler owns the replica count").isNull();

		assertAllValid(Chart.render(Chart.SECRETS));
	}

	@Test
	void validationCatchesAnInvalidObject() {
		Map<String, Object> deployment = single(Chart.render(), "Deployment");
		Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", 0);
		container.put("livenesProbe", Map.of("httpGet", Map.of("path", "/")));
		assertThat(KubernetesObjects.problems(deployment)).anyMatch((problem) -> problem.contains("livenesProbe"));
		Map<String, Object> spec = at(deployment, "spec");
		spec.put("replicas", "two");
		assertThat(KubernetesObjects.problems(deployment)).isNotEmpty();
	}

	@Test
	void autoscalerAndKedaTogetherFailWithAReason() {
		assertThatThrownBy(() -> Chart.render(Chart.ALL_ON, Chart.HPA))
			.hasMessageContaining("enable one of them");
	}

	@ParameterizedTest
	@ValueSource(strings = { "unknown: 1", "topics:\n  submited: x", "replicaCount: two", "rules:\n  maxLinks: \"2\"",
			"kafka:\n  securityProtocol: TLS", "topics:\n  submitted: \"bad topic\"", "terminationGracePeriodSeconds: 5",
			"probes:\n  liveness:\n    path: /", "image:\n  digest: latest", "policy:\n  reloadInterval: 0s",
			"policy:\n  key: policies/site.yaml", "policy:\n  contents: x", "policy:\n  files:\n    a.txt: [x]",
			"staticMembership:\n  enabled: \"yes\"", "staticMembership:\n  instanceId: pod-0" })
	void schemaRejectsWrongTypesAndUnknownKeys(String values) throws IOException {
		Path file = Files.createTempFile("values", ".yaml");
		Files.writeString(file, values);
		assertThatThrownBy(() -> Chart.render(file)).hasMessageContaining("values don't meet the specifications of the schema");
	}

	@Test
	void deploymentIsProductionShaped() {
		Map<String, Object> deployment = single(Chart.render(), "Deployment");
		Map<String, Object> pod = at(deployment, "spec", "template", "spec");
		Map<String, Object> container = at(pod, "containers", 0);

		assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
		assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
		assertThat((String) at(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
		assertThat((Object) at(container, "resources", "requests", "memory")).isNotNull();
		assertThat((Object) at(container, "resources", "limits", "memory")).isNotNull();
		assertThat((Integer) at(pod, "terminationGracePeriodSeconds")).isGreaterThan(STREAMS_CLOSE_TIMEOUT_SECONDS + 5);

		assertThat((Boolean) at(pod, "securityContext", "runAsNonRoot")).isTrue();
		assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem")).isTrue();
		assertThat((Boolean) at(container, "securityContext", "allowPrivilegeEscalation")).isFalse();
		assertThat((List<String>) at(container, "securityContext", "capabilities", "drop")).containsExactly("ALL");
		Map<String, String> mounts = ((List<Map<String, Object>>) at(container, "volumeMounts")).stream()
			.collect(Collectors.toMap((m) -> (String) m.get("mountPath"), (m) -> (String) m.get("name")));
		assertThat(mounts).containsKeys("/tmp", "/var/lib/kafka-streams");
		List<Map<String, Object>> volumes = at(pod, "volumes");
		assertThat(volumes).filteredOn((v) -> mounts.containsValue(v.get("name")))
			.allSatisfy((v) -> assertThat(v).containsKey("emptyDir"));
		assertThat(env(deployment)).containsEntry("SPRING_KAFKA_STREAMS_STATEDIR", "/var/lib/kafka-streams");

		assertThat((Object) at(pod, "affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution"))
			.isNotNull();
		assertThat((Object) at(single(Chart.render(Chart.ALL_ON), "Deployment"), "spec", "template", "spec", "affinity",
				"podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution"))
			.isNotNull();
		assertThat((String) at(container, "image")).isEqualTo("comment-moderation:0.1.0");
	}

	@Test
	void kafkaUserHoldsExactlyTheAclsTheServiceNeeds() {
		List<Map<String, Object>> manifests = Chart.render(Chart.ALL_ON);
		Map<String, Object> user = single(manifests, "KafkaUser");
		Set<String> acls = new TreeSet<>();
		for (Map<String, Object> acl : (List<Map<String, Object>>) at(user, "spec", "authorization", "acls")) {
			Map<String, Object> resource = at(acl, "resource");
			for (String operation : (List<String>) acl.get("operations")) {
				acls.add(resource.get("type") + ":" + resource.getOrDefault("patternType", "literal") + ":"
						+ resource.getOrDefault("name", "") + ":" + operation);
			}
		}
		assertThat(acls).containsExactlyInAnyOrder(
				"topic:literal:prod.comments.submitted:Read", "topic:literal:prod.comments.submitted:Describe",
				"topic:literal:prod.comments.approved:Write", "topic:literal:prod.comments.approved:Describe",
				"topic:literal:prod.comments.approved:Read", "topic:literal:prod.comments.rejected:Read",
				"topic:literal:prod.comments.rejected:Write", "topic:literal:prod.comments.rejected:Describe",
				"topic:literal:prod.comments.submitted.DLT:Write", "topic:literal:prod.comments.submitted.DLT:Describe",
				"topic:literal:prod.comments.held:Write", "topic:literal:prod.comments.held:Describe",
				"topic:literal:prod.comments.reviewed:Read", "topic:literal:prod.comments.reviewed:Describe",
				"topic:literal:prod.comments.reviewed:Write", "topic:literal:prod.comments.author-actions:Read",
				"topic:literal:prod.comments.author-actions:Write", "topic:literal:prod.comments.author-actions:Describe",
				"topic:literal:prod.comments.classifier-model:Read", "topic:literal:prod.comments.classifier-model:Write",
				"topic:literal:prod.comments.classifier-model:Describe",
				"topic:prefix:moderation-prod-:All", "group:literal:moderation-prod:Read",
				"transactionalId:prefix:moderation-prod:Write", "transactionalId:prefix:moderation-prod:Describe",
				"cluster:literal::IdempotentWrite");
		assertThat((String) at(user, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("prod-kafka");

		assertThat(env(single(manifests, "Deployment")))
			.as("the service reads its SCRAM credentials from the Secret Strimzi creates for the KafkaUser")
			.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
					"secret:" + at(user, "metadata", "name") + "/sasl.jaas.config");
	}

	@Test
	void everyPodAdvertisesItsIpAndHttpPortForTheWorkbenchsInteractiveQueries() {
		Map<String, String> env = env(single(Chart.render(), "Deployment"));
		assertThat(env).containsEntry("POD_IP", "field:status.podIP")
			.containsEntry("SPRING_KAFKA_STREAMS_PROPERTIES_APPLICATION_SERVER", "$(POD_IP):8080");
	}

	@Test
	void theWorkbenchsLoginConsoleAndPeerSecretAreValues() {
		Map<String, Object> deployment = single(Chart.render(Chart.ALL_ON), "Deployment");
		assertThat(env(deployment)).containsEntry("MODERATION_CONSOLE_ENABLED", "false")
			.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI",
					"https://login.example.org/realms/newsroom")
			.containsEntry("MODERATION_SECURITY_JWT_ROLESCLAIM", "realm_access.roles")
			.containsEntry("MODERATION_WORKBENCH_PEERSECRET", "secret:moderation-peer/peer-secret")
			.containsEntry("MODERATION_SECURITY_USERSFILE", "/etc/comment-moderation/users/users.yml");
		List<Map<String, Object>> volumes = at(deployment, "spec", "template", "spec", "volumes");
		assertThat(volumes).anySatisfy((volume) -> assertThat((String) at(volume, "secret", "secretName"))
			.isEqualTo("moderation-users"));
		Map<String, String> defaults = env(single(Chart.render(), "Deployment"));
		assertThat(defaults).containsEntry("MODERATION_CONSOLE_ENABLED", "true")
			.doesNotContainKeys("MODERATION_WORKBENCH_PEERSECRET", "MODERATION_SECURITY_USERSFILE",
					"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
	}

	@Test
	void kafkaTopicsAreTheServicesTopics() {
		List<Map<String, Object>> topics = ofKind(Chart.render(Chart.ALL_ON), "KafkaTopic");
		assertThat(topics).extracting((topic) -> (String) at(topic, "spec", "topicName")).containsExactlyInAnyOrder(
				"prod.comments.submitted", "prod.comments.approved", "prod.comments.rejected",
				"prod.comments.submitted.DLT", "prod.comments.held", "prod.comments.reviewed",
				"prod.comments.author-actions", "prod.comments.classifier-model");
		assertThat(topics).allSatisfy((topic) -> assertThat((Integer) at(topic, "spec", "partitions")).isEqualTo(12));
	}

	@Test
	void kedaScalesOnTheLagOfTheStreamsApplicationGroup() {
		Map<String, Object> scaledObject = single(Chart.render(Chart.ALL_ON), "ScaledObject");
		Map<String, Object> metadata = at(scaledObject, "spec", "triggers", 0, "metadata");
		assertThat(metadata).containsEntry("consumerGroup", "moderation-prod")
			.containsEntry("topic", "prod.comments.submitted")
			.containsEntry("allowIdleConsumers", "false")
			.containsEntry("bootstrapServersFromEnv", "SPRING_KAFKA_BOOTSTRAPSERVERS");
		assertThat((Integer) at(scaledObject, "spec", "maxReplicaCount")).isEqualTo(12);
	}

	@Test
	void serviceMonitorScrapesThePrometheusEndpoint() {
		Map<String, Object> monitor = single(Chart.render(Chart.ALL_ON), "ServiceMonitor");
		assertThat((String) at(monitor, "spec", "endpoints", 0, "path")).isEqualTo("/actuator/prometheus");
		assertThat((String) at(monitor, "spec", "endpoints", 0, "port")).isEqualTo("http");
	}

	@Test
	void dashboardConfigMapCarriesTheSingleDashboardFile() throws IOException {
		Map<String, Object> configMap = ofKind(Chart.render(Chart.ALL_ON), "ConfigMap").stream()
			.filter((map) -> ((Map<?, ?>) at(map, "metadata", "labels")).containsKey("grafana_dashboard"))
			.findFirst().orElseThrow();
		assertThat((String) at(configMap, "metadata", "namespace")).isEqualTo("monitoring");
		assertThat((String) at(configMap, "data", "comment-moderation.json")).isEqualTo(
				Files.readString(Chart.CHART.resolve("dashboards/comment-moderation.json")).stripTrailing());
	}

	@Test
	void blockedTermsAreAMountedFile() {
		List<Map<String, Object>> manifests = Chart.render(Chart.ALL_ON);
		Map<String, Object> terms = ofKind(manifests, "ConfigMap").stream()
			.filter((map) -> ((String) at(map, "metadata", "name")).endsWith("-blocked-terms")).findFirst().orElseThrow();
		String file = at(terms, "data", "blocked-terms.txt");
		assertThat(file.lines().filter((line) -> !line.startsWith("#"))).containsExactly("free money", "casino");
		assertThat(env(single(manifests, "Deployment"))).containsEntry("MODERATION_RULES_BLOCKEDTERMSFILE",
				"/etc/comment-moderation/blocked-terms/blocked-terms.txt");
	}

	@Test
	void heldTermsAreAMountedFile() {
		List<Map<String, Object>> manifests = Chart.render(Chart.ALL_ON);
		Map<String, Object> terms = ofKind(manifests, "ConfigMap").stream()
			.filter((map) -> ((String) at(map, "metadata", "name")).endsWith("-held-terms")).findFirst().orElseThrow();
		String file = at(terms, "data", "held-terms.txt");
		assertThat(file.lines().filter((line) -> !line.startsWith("#"))).containsExactly("refund");
		assertThat(env(single(manifests, "Deployment"))).containsEntry("MODERATION_RULES_HELDTERMSFILE",
				"/etc/comment-moderation/held-terms/held-terms.txt");
	}

	@Test
	void staticMembershipIsOptInAndTakesThePodName() {
		assertThat(env(single(Chart.render(), "Deployment"))).doesNotContainKey("MODERATION_INSTANCEID");
		assertThat(Chart.loadYaml(Chart.CHART.resolve("values.yaml"))).extractingByKey("staticMembership")
			.isEqualTo(Map.of("enabled", false));
		// the pod name: kept by a container restarted in place, the case static membership helps
		assertThat(env(single(Chart.render(Chart.ALL_ON), "Deployment"))).containsEntry("MODERATION_INSTANCEID",
				"field:metadata.name");
	}

	@Test
	void policyIsAConfigMapMountedAsADirectoryWithoutSubPathAndTheEnvPointsIntoIt() {
		List<Map<String, Object>> manifests = Chart.render(Chart.ALL_ON);
		Map<String, Object> policy = policyConfigMap(manifests);
		Map<String, Object> values = Chart.loadYaml(Chart.ALL_ON);
		assertThat((Object) new Yaml().load((String) at(policy, "data", "moderation-policy.yaml")))
			.as("policy.content, given as an object").isEqualTo(at(values, "policy", "content"));
		assertThat((String) at(policy, "data", "blocked-terms.txt"))
			.isEqualTo(at(values, "policy", "files", "blocked-terms.txt"));

		Map<String, Object> deployment = single(manifests, "Deployment");
		Map<String, Object> mount = policyMount(deployment);
		assertThat(mount).as("a subPath mount never sees a ConfigMap update").doesNotContainKey("subPath")
			.containsEntry("mountPath", "/etc/comment-moderation/policy")
			.containsEntry("readOnly", true);
		Map<String, Object> volume = ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "volumes"))
			.stream().filter((v) -> "policy".equals(v.get("name"))).findFirst().orElseThrow();
		assertThat((String) at(volume, "configMap", "name")).isEqualTo(at(policy, "metadata", "name"));
		assertThat((Object) at(volume, "configMap", "items")).as("every key, term files included, is a file").isNull();
		assertThat(env(deployment)).containsEntry("MODERATION_POLICY_FILE",
				"/etc/comment-moderation/policy/moderation-policy.yaml")
			.containsEntry("MODERATION_POLICY_RELOADINTERVAL", "30s");
	}

	@Test
	void theMountedPolicyConfigMapIsAPolicyTheServiceLoads(@TempDir Path mount) throws IOException {
		Map<String, Object> policyConfigMap = policyConfigMap(Chart.render(Chart.ALL_ON));
		Policy policy = loadAsTheKubeletMountsIt(policyConfigMap, mount);
		assertThat(policy.defaults().settings().blockedTerms()).as("the term file next to it")
			.containsExactly("casino", "free money");
		assertThat(policy.sites()).containsOnlyKeys("kids-corner");
		assertThat(policy.sites().get("kids-corner").settings().maxLinks()).isZero();
	}

	@Test
	void policyTextIsCopiedVerbatim(@TempDir Path mount) throws IOException {
		String example = Files.readString(Chart.PROJECT.resolve("deploy/policy/moderation-policy.yaml"));
		Path values = valuesFile(Map.of("policy", Map.of("enabled", true, "content", example)));
		Map<String, Object> policyConfigMap = policyConfigMap(Chart.render(values));
		assertThat((String) at(policyConfigMap, "data", "moderation-policy.yaml")).isEqualTo(example);
		assertThat(loadAsTheKubeletMountsIt(policyConfigMap, mount).sites()).containsKeys("daily-planet", "kids-corner");
	}

	@Test
	void aPolicyChangeRestartsNoPodTheServiceReloadsIt() {
		Path changed = valuesFile(Map.of("policy", Map.of("content", Map.of("defaults", Map.of("max-links", 7)))));
		List<Map<String, Object>> before = Chart.render(Chart.ALL_ON);
		List<Map<String, Object>> after = Chart.render(Chart.ALL_ON, changed);
		assertThat((String) at(policyConfigMap(after), "data", "moderation-policy.yaml")).contains("max-links: 7");
		assertThat((Object) at(single(after, "Deployment"), "spec", "template"))
			.as("the pod template, annotations included, is the same: no rollout")
			.isEqualTo(at(single(before, "Deployment"), "spec", "template"));
	}

	@Test
	void anExistingPolicyConfigMapIsMountedInstead() {
		Path values = valuesFile(
				Map.of("policy", Map.of("enabled", true, "existingConfigMap", "site-policies", "key", "policy.yaml")));
		List<Map<String, Object>> manifests = Chart.render(values);
		assertThat(ofKind(manifests, "ConfigMap")).isEmpty();
		Map<String, Object> deployment = single(manifests, "Deployment");
		assertThat(policyMount(deployment)).doesNotContainKey("subPath");
		assertThat(((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "volumes")))
			.anySatisfy((v) -> assertThat((String) at(v, "configMap", "name")).isEqualTo("site-policies"));
		assertThat(env(deployment)).containsEntry("MODERATION_POLICY_FILE", "/etc/comment-moderation/policy/policy.yaml");
		assertAllValid(manifests);
	}

	@Test
	void noPolicyByDefaultAndAnEnabledPolicyNeedsOne() {
		assertThat(env(single(Chart.render(), "Deployment"))).doesNotContainKeys("MODERATION_POLICY_FILE",
				"MODERATION_POLICY_RELOADINTERVAL");
		assertThatThrownBy(() -> Chart.render(valuesFile(Map.of("policy", Map.of("enabled", true)))))
			.hasMessageContaining("set policy.content (the policy file) or policy.existingConfigMap");
		assertThatThrownBy(() -> Chart.render(valuesFile(Map.of("policy",
				Map.of("enabled", true, "content", "defaults: {}", "existingConfigMap", "other")))))
			.hasMessageContaining("not both");
	}

	private static Map<String, Object> policyConfigMap(List<Map<String, Object>> manifests) {
		return ofKind(manifests, "ConfigMap").stream()
			.filter((map) -> ((String) at(map, "metadata", "name")).endsWith("-policy")).findFirst().orElseThrow();
	}

	private static Map<String, Object> policyMount(Map<String, Object> deployment) {
		return ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "containers", 0, "volumeMounts"))
			.stream().filter((m) -> "policy".equals(m.get("name"))).findFirst().orElseThrow();
	}

	/** One file per key in a directory, as the kubelet projects a ConfigMap volume, then loaded as the service does. */
	private static Policy loadAsTheKubeletMountsIt(Map<String, Object> configMap, Path mount) throws IOException {
		for (Map.Entry<String, Object> entry : ((Map<String, Object>) configMap.get("data")).entrySet()) {
			Files.writeString(mount.resolve(entry.getKey()), (String) entry.getValue());
		}
		PolicyLoader loader = new PolicyLoader(new PolicyLoader.Base(RuleSettings.DEFAULTS,
				new DecisionRules(RuleActions.DEFAULTS, Duration.ofSeconds(15), 1)), Duration.ofHours(1),
				Clock.systemUTC());
		return loader.load(mount.resolve("moderation-policy.yaml"));
	}

	static Path valuesFile(Map<String, Object> values) {
		try {
			DumperOptions options = new DumperOptions();
			options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
			Path file = Files.createTempFile("values", ".yaml");
			Files.writeString(file, new Yaml(options).dump(values));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void helmTestChecksReadiness() {
		Map<String, Object> pod = single(Chart.render(), "Pod");
		assertThat((String) at(pod, "metadata", "annotations", "helm.sh/hook")).isEqualTo("test");
		assertThat((List<String>) at(pod, "spec", "containers", 0, "args"))
			.contains("http://moderation-comment-moderation:8080/actuator/health/readiness");
	}

	@Test
	void readmeDocumentsEveryValueAndTheReplicaLimit() throws IOException {
		String readme = Files.readString(Chart.CHART.resolve("README.md"));
		List<String> missing = new ArrayList<>();
		for (String key : leafKeys("", Chart.loadYaml(Chart.CHART.resolve("values.yaml")))) {
			if (!readme.contains("| `" + key + "` |")) {
				missing.add(key);
			}
		}
		assertThat(missing).as("values without a row in the chart README's table").isEmpty();
		assertThat(readme).contains("do no work");
		assertThat(Files.readString(Chart.CHART.resolve("templates/NOTES.txt"))).contains("do no work");
	}

	static List<String> leafKeys(String prefix, Map<String, Object> values) {
		List<String> keys = new ArrayList<>();
		values.forEach((key, value) -> {
			String path = prefix.isEmpty() ? key : prefix + "." + key;
			if (value instanceof Map<?, ?> map && !map.isEmpty() && !isFreeFormMap(path)) {
				keys.addAll(leafKeys(path, (Map<String, Object>) map));
			}
			else {
				keys.add(path);
			}
		});
		return keys;
	}

	/** Maps whose keys are the user's (labels, Kafka properties, topic configs), not the chart's. */
	private static boolean isFreeFormMap(String path) {
		return Set.of("resources", "podSecurityContext", "securityContext", "strimzi.topics.config", "policy.files",
				"policy.check.resources",
				"strimzi.topics.deadLetterConfig", "metrics.grafanaDashboard.labels").contains(path);
	}

	static List<String> kinds(List<Map<String, Object>> manifests) {
		return manifests.stream().map((manifest) -> (String) manifest.get("kind")).toList();
	}

	static void assertAllValid(List<Map<String, Object>> manifests) {
		List<String> problems = manifests.stream().flatMap((manifest) -> KubernetesObjects.problems(manifest).stream())
			.toList();
		assertThat(problems).as("invalid rendered manifests").isEmpty();
	}

	/**
	 * The Deployment container's environment; values from Secrets appear as secret:NAME/KEY, values from the
	 * downward API as field:PATH.
	 */
	static Map<String, String> env(Map<String, Object> deployment) {
		List<Map<String, Object>> env = at(deployment, "spec", "template", "spec", "containers", 0, "env");
		Map<String, String> result = new java.util.LinkedHashMap<>();
		for (Map<String, Object> variable : env) {
			Object value = variable.get("value");
			if (value == null && at(variable, "valueFrom", "secretKeyRef") != null) {
				value = "secret:" + at(variable, "valueFrom", "secretKeyRef", "name") + "/"
						+ at(variable, "valueFrom", "secretKeyRef", "key");
			}
			if (value == null && at(variable, "valueFrom", "fieldRef") != null) {
				value = "field:" + at(variable, "valueFrom", "fieldRef", "fieldPath");
			}
			result.put((String) variable.get("name"), value == null ? null : value.toString());
		}
		return result;
	}

}
