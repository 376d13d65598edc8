package dev.commentmoderation.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.commentmoderation.deploy.Chart.at;
import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml, its Prometheus and Grafana files, the dashboard and the Dockerfile, parsed and checked. */
class ComposeAndImageTest {

	private static final Path ROOT = Chart.PROJECT;

	private final Map<String, Object> compose = Chart.loadYaml(ROOT.resolve("docker-compose.yml"));

	@Test
	void composeBringsUpTheWholeStack() {
		Map<String, Object> services = at(this.compose, "services");
		assertThat(services).containsOnlyKeys("kafka", "kafka-topics", "comment-moderation", "demo-site", "prometheus",
				"grafana");
		assertThat((String) at(services, "kafka", "image")).startsWith("apache/kafka:");
		assertThat((String) at(services, "kafka-topics", "image")).isEqualTo(at(services, "kafka", "image"));
		assertThat((String) at(services, "comment-moderation", "build")).isEqualTo(".");
	}

	@Test
	void kafkaIsASingleKraftNodeSetUpForExactlyOnce() {
		Map<String, Object> env = at(this.compose, "services", "kafka", "environment");
		assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
			.containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", 1)
			.containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 1)
			.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 1);
		assertThat((String) env.get("KAFKA_ADVERTISED_LISTENERS")).contains("//kafka:9092", "//localhost:29092");
		assertThat((List<String>) at(this.compose, "services", "kafka", "ports")).contains("29092:29092");
		assertThat((String) env.get("CLUSTER_ID")).as("a base64 UUID, as kafka-storage format wants")
			.matches("[A-Za-z0-9_-]{22}");
	}

	@Test
	void topicJobCreatesTheServicesTopicsBeforeTheServiceStarts() {
		List<String> command = at(this.compose, "services", "kafka-topics", "command");
		String script = String.join("\n", command);
		assertThat(script).contains("/opt/kafka/bin/kafka-topics.sh", "--if-not-exists", "--bootstrap-server kafka:9092",
				"comments.submitted", "comments.approved", "comments.rejected", "comments.submitted.DLT", "comments.held",
				"comments.reviewed");
		assertThat(script.replace("$$", "")).as("compose interpolates a single $: shell variables need $$")
			.doesNotContain("$");
		assertThat((String) at(this.compose, "services", "kafka-topics", "depends_on", "kafka", "condition"))
			.isEqualTo("service_healthy");
		assertThat((String) at(this.compose, "services", "comment-moderation", "depends_on", "kafka-topics", "condition"))
			.isEqualTo("service_completed_successfully");
		assertThat((String) at(this.compose, "services", "comment-moderation", "environment", "MODERATION_TOPICS_CREATE"))
			.isEqualTo("false");
		java.util.regex.Matcher partitions = java.util.regex.Pattern.compile("--partitions (\\d+)").matcher(script);
		assertThat(partitions.find()).isTrue();
		assertThat((String) at(this.compose, "services", "comment-moderation", "environment",
				"MODERATION_TOPICS_PARTITIONS"))
			.as("the service checks at start-up that the approved and rejected topics have its partitions")
			.isEqualTo(partitions.group(1));
	}

	/**
	 * The demo site (examples/demo-site) is a client of the service, not the service: its settings are its own
	 * (SettingsBindingTest checks only the comment-moderation service's environment).
	 */
	@Test
	void demoSiteIsBuiltFromItsOwnDockerfileAndTalksToKafkaInTheNetwork() throws IOException {
		Map<String, Object> site = at(this.compose, "services", "demo-site");
		assertThat((String) at(site, "build", "context")).isEqualTo(".");
		String dockerfile = at(site, "build", "dockerfile");
		assertThat(ROOT.resolve(dockerfile)).exists();
		assertThat(ROOT.resolve(dockerfile + ".dockerignore")).as("the root .dockerignore would leave examples/ out")
			.exists();
		assertThat(Files.readString(ROOT.resolve(dockerfile + ".dockerignore"))).contains("!examples/demo-site/src/",
				"!mvnw", "!.mvn/");
		assertThat((List<String>) site.get("ports")).containsExactly("8081:8081");
		assertThat((Map<String, Object>) site.get("environment")).containsEntry("SPRING_KAFKA_BOOTSTRAPSERVERS",
				"kafka:9092");
		assertThat((String) at(site, "depends_on", "kafka-topics", "condition"))
			.isEqualTo("service_completed_successfully");
		assertThat(site).containsEntry("read_only", true);
		String dataDir = (String) at(site, "environment", "DEMO_DATADIR");
		assertThat((List<String>) site.get("volumes")).anyMatch((mount) -> mount.endsWith(":" + dataDir));
		assertThat(Files.readString(ROOT.resolve(dockerfile))).contains("-f examples/demo-site/pom.xml",
				"EXPOSE 8081", "USER ${UID}:${UID}");
	}

	@Test
	void serviceRunsOnAReadOnlyRootFilesystem() {
		Map<String, Object> service = at(this.compose, "services", "comment-moderation");
		assertThat(service).containsEntry("read_only", true);
		assertThat((List<String>) service.get("tmpfs")).anyMatch((mount) -> mount.startsWith("/tmp"));
		assertThat((List<String>) service.get("volumes")).anyMatch((mount) -> mount.endsWith(":/var/lib/kafka-streams"));
	}

	/**
	 * Editing deploy/policy/moderation-policy.yaml on the host changes the running service's policy: its directory is
	 * mounted (a single-file bind mount would keep the old inode when an editor renames a new file over it) and
	 * MODERATION_POLICY_FILE points into it. The policy replaces inherited term lists, so compose sets no
	 * moderation.rules.* term settings that it would silently override.
	 */
	@Test
	void serviceRunsTheRepositorysPolicyFileMountedLive() {
		Map<String, Object> service = at(this.compose, "services", "comment-moderation");
		String mount = ((List<String>) service.get("volumes")).stream()
			.filter((volume) -> volume.startsWith("./deploy/policy:")).findFirst().orElseThrow();
		String[] parts = mount.split(":");
		assertThat(parts).as("source:target:ro").hasSize(3);
		assertThat(parts[2]).isEqualTo("ro");
		Map<String, Object> env = at(service, "environment");
		String file = (String) env.get("MODERATION_POLICY_FILE");
		assertThat(file).isEqualTo(parts[1] + "/moderation-policy.yaml");
		assertThat(ROOT.resolve("deploy/policy").resolve(file.substring(parts[1].length() + 1))).isRegularFile();
		assertThat(env.keySet()).noneMatch((name) -> name.startsWith("MODERATION_RULES_") && name.contains("TERMS"));
	}

	@Test
	void everyBindMountSourceExists() {
		Map<String, Map<String, Object>> services = at(this.compose, "services");
		services.forEach((name, service) -> {
			for (String volume : (List<String>) service.getOrDefault("volumes", List.of())) {
				String source = volume.split(":")[0];
				if (source.startsWith("./")) {
					assertThat(ROOT.resolve(source)).as(name + " mounts " + source).exists();
				}
			}
		});
	}

	@Test
	void prometheusScrapesTheServicesPrometheusEndpoint() {
		Map<String, Object> prometheus = Chart.loadYaml(ROOT.resolve("deploy/compose/prometheus.yml"));
		Map<String, Object> job = at(prometheus, "scrape_configs", 0);
		assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
		assertThat((List<String>) at(job, "static_configs", 0, "targets")).containsExactly("comment-moderation:8080");
	}

	@Test
	void prometheusLoadsTheChartsAlertingRules() {
		Map<String, Object> prometheus = Chart.loadYaml(ROOT.resolve("deploy/compose/prometheus.yml"));
		List<String> ruleFiles = at(prometheus, "rule_files");
		assertThat(ruleFiles).containsExactly("/etc/prometheus/rules/comment-moderation.rules.yml");
		assertThat((List<String>) at(this.compose, "services", "prometheus", "volumes"))
			.contains("./helm/comment-moderation/alerts:/etc/prometheus/rules:ro");
		assertThat(ROOT.resolve("helm/comment-moderation/alerts/comment-moderation.rules.yml")).isRegularFile();
	}

	@Test
	void grafanaProvisionsThePrometheusDatasourceAndTheChartsDashboard() throws IOException {
		Map<String, Object> datasources = Chart
			.loadYaml(ROOT.resolve("deploy/compose/grafana/provisioning/datasources/prometheus.yml"));
		assertThat((String) at(datasources, "datasources", 0, "url")).isEqualTo("http://prometheus:9090");
		Map<String, Object> dashboards = Chart
			.loadYaml(ROOT.resolve("deploy/compose/grafana/provisioning/dashboards/comment-moderation.yml"));
		String path = at(dashboards, "providers", 0, "options", "path");
		List<String> mounts = at(this.compose, "services", "grafana", "volumes");
		assertThat(mounts).as("the chart's dashboards folder is mounted where the provider reads")
			.contains("./helm/comment-moderation/dashboards:" + path + ":ro");

		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DashboardMetricsTest.DASHBOARD));
		assertThat(dashboard.path("uid").asString()).isEqualTo("comment-moderation");
		String titles = dashboard.path("panels").valueStream().map((panel) -> panel.path("title").asString())
			.reduce("", (a, b) -> a + "|" + b);
		assertThat(titles).contains("Decisions over time", "Rejections by reason", "Dead-letter rate",
				"Processing latency", "Consumer lag", "Rule hits by rule and site", "Top rules by site, last hour",
				"Policy reloads", "Policy file refused");
		dashboard.path("panels").forEach((panel) -> {
			assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
			assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
		});
	}

	@Test
	void dockerfileBuildsWithTheWrapperAndRunsTheLayeredJarAsNonRoot() throws IOException {
		String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
		List<String> stages = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile).results()
			.map((match) -> match.group(1)).toList();
		assertThat(stages).hasSize(2);
		assertThat(dockerfile).contains("./mvnw", "-Djarmode=tools", "extract --layers");
		// base images pinned to one Java 17 update, not a tag that moves with every release
		assertThat(dockerfile).containsPattern("(?m)^ARG JDK_IMAGE=eclipse-temurin:17\\.0\\.\\d+_\\d+-jdk-noble$")
			.containsPattern("(?m)^ARG JRE_IMAGE=eclipse-temurin:17\\.0\\.\\d+_\\d+-jre-noble$");
		for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
			assertThat(dockerfile).contains("COPY --from=build /workspace/extracted/" + layer + "/ ./");
		}
		Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
		assertThat(user.find()).isTrue();
		assertThat(dockerfile).contains("ARG UID=10001");
		assertThat(user.group(1)).as("numeric, non-root, so runAsNonRoot can check it").isEqualTo("${UID}:${UID}");
		assertThat(dockerfile).contains("MaxRAMPercentage", "VOLUME [\"/tmp\", \"/var/lib/kafka-streams\"]");
		assertThat(SettingsBindingTest.dockerfileEnvironment()).containsEntry("SPRING_KAFKA_STREAMS_STATEDIR",
				"/var/lib/kafka-streams");
		assertThat(Files.readString(ROOT.resolve(".dockerignore"))).contains("!mvnw", "!.mvn/", "!pom.xml", "!src/");
	}

	@Test
	void chartAndImageRunAsTheSameUser() {
		Map<String, Object> values = Chart.loadYaml(Chart.CHART.resolve("values.yaml"));
		assertThat((Integer) at(values, "podSecurityContext", "runAsUser")).isEqualTo(10001);
	}

}
