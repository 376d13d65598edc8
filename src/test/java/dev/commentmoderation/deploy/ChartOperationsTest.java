package dev.commentmoderation.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.marcnuri.helm.LintResult;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.commentmoderation.classifier.ClassifierSettings;
import dev.commentmoderation.stream.ModerationTopology;
import dev.commentmoderation.testing.ModerationTopologyDriver;

import static dev.commentmoderation.deploy.Chart.at;
import static dev.commentmoderation.deploy.Chart.ofKind;
import static dev.commentmoderation.deploy.Chart.single;
import static dev.commentmoderation.deploy.HelmChartTest.assertAllValid;
import static dev.commentmoderation.deploy.HelmChartTest.env;
import static dev.commentmoderation.deploy.HelmChartTest.kinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chart's operations objects: alerts, the policy check before a release, state persistence, scaling. */
class ChartOperationsTest {

	static final Path STATEFUL_SET = Chart.testResource("deploy/values-statefulset.yaml");

	static final Path EPHEMERAL_VOLUME = Chart.testResource("deploy/values-ephemeral-volume.yaml");

	static final Path RULES_FILE = Chart.CHART.resolve("alerts/comment-moderation.rules.yml");

	@Nested
	class Alerts {

		@Test
		void thePrometheusRuleIsTheRulesFileAsThePrometheusOperatorModelReadsIt() {
			Map<String, Object> manifest = single(Chart.render(Chart.ALL_ON), "PrometheusRule");
			assertThat(KubernetesObjects.problems(manifest)).isEmpty();
			assertThat((Map<String, Object>) at(manifest, "metadata", "labels")).containsEntry("release",
					"kube-prometheus-stack");
			assertThat((Object) at(manifest, "spec")).as("the one rules file, unchanged")
				.isEqualTo(Chart.loadYaml(RULES_FILE));

			PrometheusRule rule = KubernetesObjects.MAPPER.convertValue(manifest, PrometheusRule.class);
			assertThat(rule.getSpec().getGroups().get(0).getRules()).extracting(Rule::getAlert).containsExactly(
					"CommentModerationStreamNotRunning", "CommentModerationConsumerLagGrowing",
					"CommentModerationDeadLetters", "CommentModerationPolicyRefused",
					"CommentModerationHeldQueueTooOld", "CommentModerationDecisionsStalled");
			assertThat(rule.getSpec().getGroups().get(0).getRules()).allSatisfy((alert) -> {
				assertThat(alert.getExpr().getStrVal()).isNotBlank();
				assertThat(alert.getLabels()).containsKey("severity");
				assertThat(alert.getAnnotations()).containsKeys("summary", "runbook");
			});
		}

		@Test
		void isOptIn() {
			assertThat(kinds(Chart.render())).doesNotContain("PrometheusRule");
		}

		@Test
		void everyAlertHasARunbookEntryUnderItsName() throws IOException {
			String runbook = Files.readString(Chart.PROJECT.resolve("docs/operations.md"));
			for (Map<String, Object> alert : AlertRules.alerts()) {
				String name = (String) alert.get("alert");
				assertThat(runbook).as("a runbook heading for " + name).contains("### " + name + "\n");
				assertThat((String) at(alert, "annotations", "runbook"))
					.isEqualTo("docs/operations.md#" + name.toLowerCase());
			}
		}

	}

	@Nested
	class PolicyCheck {

		@Test
		void aHookJobRunsTheJarsOwnCheckOnTheReleasesPolicyBeforeInstallAndUpgrade() {
			List<Map<String, Object>> manifests = Chart.render(Chart.ALL_ON);
			Map<String, Object> job = single(manifests, "Job");
			assertThat((Map<String, Object>) at(job, "metadata", "annotations"))
				.containsEntry("helm.sh/hook", "pre-install,pre-upgrade")
				.containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
			assertThat((Integer) at(job, "spec", "backoffLimit")).isZero();
			Map<String, Object> container = at(job, "spec", "template", "spec", "containers", 0);
			assertThat((String) at(container, "image")).isEqualTo("comment-moderation:1.2.3");
			assertThat((List<String>) container.get("command")).containsExactly("java", "-jar",
					"/application/application.jar", "dry-run", "--check-policy",
					"/etc/comment-moderation/policy/moderation-policy.yaml");
			assertThat(Chart.PROJECT.resolve("Dockerfile")).content().contains("/application/application.jar");

			Map<String, Object> hookPolicy = ofKind(manifests, "ConfigMap").stream()
				.filter((map) -> ((String) at(map, "metadata", "name")).endsWith("-policy-check")).findFirst()
				.orElseThrow();
			assertThat(Integer.parseInt(at(hookPolicy, "metadata", "annotations", "helm.sh/hook-weight")))
				.as("created before the Job").isLessThan(Integer.parseInt(at(job, "metadata", "annotations",
						"helm.sh/hook-weight")));
			Map<String, Object> releasePolicy = ofKind(manifests, "ConfigMap").stream()
				.filter((map) -> ((String) at(map, "metadata", "name")).endsWith("-policy")).findFirst().orElseThrow();
			assertThat((Object) at(hookPolicy, "data")).as("the policy of this release, term files included")
				.isEqualTo(at(releasePolicy, "data"));
			assertThat((String) at(volume(job, "policy"), "configMap", "name"))
				.isEqualTo(at(hookPolicy, "metadata", "name"));
		}

		@Test
		void runsWithTheServicesSecurityContextOnAReadOnlyRootFilesystem() {
			Map<String, Object> pod = at(single(Chart.render(Chart.ALL_ON), "Job"), "spec", "template", "spec");
			assertThat((Boolean) at(pod, "securityContext", "runAsNonRoot")).isTrue();
			assertThat((Boolean) at(pod, "containers", 0, "securityContext", "readOnlyRootFilesystem")).isTrue();
			assertThat((String) at(pod, "restartPolicy")).isEqualTo("Never");
			assertThat((Object) at(pod, "serviceAccountName"))
				.as("the chart's ServiceAccount does not exist yet before an install").isNull();
		}

		@Test
		void anExistingPolicyConfigMapIsCheckedWhereItIs() {
			Path values = HelmChartTest.valuesFile(
					Map.of("policy", Map.of("enabled", true, "existingConfigMap", "site-policies", "key", "policy.yaml")));
			List<Map<String, Object>> manifests = Chart.render(values);
			Map<String, Object> job = single(manifests, "Job");
			assertThat((String) at(volume(job, "policy"), "configMap", "name")).isEqualTo("site-policies");
			assertThat((List<String>) at(job, "spec", "template", "spec", "containers", 0, "command"))
				.endsWith("/etc/comment-moderation/policy/policy.yaml");
			assertThat(ofKind(manifests, "ConfigMap")).isEmpty();
		}

		@Test
		void noPolicyNoCheck() {
			assertThat(kinds(Chart.render())).doesNotContain("Job");
			Path off = HelmChartTest.valuesFile(Map.of("policy", Map.of("check", Map.of("enabled", false))));
			assertThat(kinds(Chart.render(Chart.ALL_ON, off))).doesNotContain("Job");
		}

		private static Map<String, Object> volume(Map<String, Object> job, String name) {
			return ((List<Map<String, Object>>) at(job, "spec", "template", "spec", "volumes")).stream()
				.filter((v) -> name.equals(v.get("name"))).findFirst().orElseThrow();
		}

	}

	@Nested
	class State {

		@Test
		void byDefaultTheStateIsAnEmptyDirOfADeployment() {
			Map<String, Object> deployment = single(Chart.render(), "Deployment");
			assertThat((Object) at(stateVolume(deployment), "emptyDir", "sizeLimit")).isEqualTo("1Gi");
		}

		@Test
		void aStatefulSetKeepsEachPodsStateOnAClaimThatOutlivesIt() {
			List<Map<String, Object>> manifests = Chart.render(STATEFUL_SET);
			assertThat(kinds(manifests)).contains("StatefulSet").doesNotContain("Deployment");
			assertAllValid(manifests);
			Map<String, Object> statefulSet = single(manifests, "StatefulSet");
			Map<String, Object> claim = at(statefulSet, "spec", "volumeClaimTemplates", 0);
			assertThat((String) at(claim, "metadata", "name")).isEqualTo("kafka-streams-state");
			assertThat((String) at(claim, "spec", "resources", "requests", "storage")).isEqualTo("20Gi");
			assertThat((String) at(claim, "spec", "storageClassName")).isEqualTo("fast-ssd");
			assertThat((List<Map<String, Object>>) at(statefulSet, "spec", "template", "spec", "volumes"))
				.noneMatch((v) -> "kafka-streams-state".equals(v.get("name")));
			assertThat((String) at(statefulSet, "spec", "persistentVolumeClaimRetentionPolicy", "whenScaled"))
				.isEqualTo("Retain");

			Map<String, Object> headless = ofKind(manifests, "Service").stream()
				.filter((s) -> "None".equals(at(s, "spec", "clusterIP"))).findFirst().orElseThrow();
			assertThat((String) at(statefulSet, "spec", "serviceName")).isEqualTo(at(headless, "metadata", "name"));
			assertThat((String) at(single(manifests, "ScaledObject"), "spec", "scaleTargetRef", "kind"))
				.isEqualTo("StatefulSet");
		}

		@Test
		void aGenericEphemeralVolumeIsAClaimPerPod() {
			List<Map<String, Object>> manifests = Chart.render(EPHEMERAL_VOLUME);
			assertAllValid(manifests);
			Map<String, Object> volume = stateVolume(single(manifests, "Deployment"));
			assertThat((String) at(volume, "ephemeral", "volumeClaimTemplate", "spec", "resources", "requests",
					"storage")).isEqualTo("5Gi");
			assertThat((Object) volume.get("emptyDir")).isNull();
		}

		@Test
		void bothClaimOptionsLintClean() {
			for (Path values : List.of(STATEFUL_SET, EPHEMERAL_VOLUME)) {
				LintResult result = Chart.lint(values);
				assertThat(result.isFailed()).as(values + ":\n" + String.join("\n", result.getMessages())).isFalse();
				assertThat(result.getMessages()).as(values.toString())
					.noneMatch((message) -> message.contains("[ERROR]") || message.contains("[WARNING]"));
			}
		}

		@Test
		void anUnknownPersistenceIsRefused() {
			Path values = HelmChartTest.valuesFile(Map.of("stateVolume", Map.of("persistence", "hostPath")));
			assertThatThrownBy(() -> Chart.render(values))
				.hasMessageContaining("values don't meet the specifications of the schema");
		}

		@Test
		void rocksDbMemoryReachesTheService() {
			assertThat(env(single(Chart.render(Chart.ALL_ON), "Deployment")))
				.containsEntry("MODERATION_STATE_ROCKSDB_BLOCKCACHESIZE", "256MB")
				.containsEntry("MODERATION_STATE_ROCKSDB_WRITEBUFFERSIZE", "64MB")
				.containsEntry("MODERATION_STATE_ROCKSDB_STRICTCAPACITYLIMIT", "true");
		}

		private static Map<String, Object> stateVolume(Map<String, Object> workload) {
			return ((List<Map<String, Object>>) at(workload, "spec", "template", "spec", "volumes")).stream()
				.filter((v) -> "kafka-streams-state".equals(v.get("name"))).findFirst().orElseThrow();
		}

	}

	@Nested
	class Keda {

		@Test
		void scalesOnTheLagOfEveryTopicTheTopologyReads() {
			Map<String, Object> scaledObject = single(Chart.render(Chart.ALL_ON), "ScaledObject");
			List<Map<String, Object>> triggers = at(scaledObject, "spec", "triggers");
			Set<String> topics = triggers.stream().map((t) -> (String) at(t, "metadata", "topic"))
				.collect(Collectors.toCollection(TreeSet::new));
			Map<String, Object> values = Chart.loadYaml(Chart.ALL_ON);
			Map<String, Object> topicValues = at(values, "topics");
			assertThat(topics).isEqualTo(sourceTopics(
					new ModerationTopology.Topics((String) topicValues.get("submitted"),
							(String) topicValues.get("approved"), (String) topicValues.get("rejected"), "dlt",
							"held", (String) topicValues.get("reviewed"), (String) topicValues.get("authorActions"),
							(String) topicValues.get("classifierModel"), 12),
					"moderation-prod"));
			assertThat(topics).as("the inputs and the repartition topics").contains("prod.comments.submitted",
					"moderation-prod-comments-by-author-repartition");
			assertThat(triggers).allSatisfy((t) -> assertThat((Map<String, Object>) t.get("metadata"))
				.containsEntry("consumerGroup", "moderation-prod"));
			assertThat(triggers.stream().map((t) -> t.get("name")).distinct()).hasSameSizeAs(triggers);
		}

		/** The topics the topology's source nodes read, repartition topics under their full name. */
		private static Set<String> sourceTopics(ModerationTopology.Topics topics, String applicationId) {
			Topology topology = ModerationTopologyDriver.with()
				.topics(topics)
				.classifier(ClassifierSettings.DEFAULTS)
				.topology();
			Set<String> names = new TreeSet<>();
			for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
				for (TopologyDescription.Node node : subtopology.nodes()) {
					if (node instanceof TopologyDescription.Source source) {
						source.topicSet().forEach((topic) -> names
							.add(topic.endsWith("-repartition") ? applicationId + "-" + topic : topic));
					}
				}
			}
			return names;
		}

		@Test
		void neverScalesToZero() {
			Path zero = HelmChartTest.valuesFile(Map.of("keda", Map.of("enabled", true, "minReplicaCount", 0)));
			assertThatThrownBy(() -> Chart.render(zero)).hasMessageContaining("minReplicaCount");
		}

	}

	@Nested
	class Images {

		@Test
		void everyImageTheChartAndComposeRunIsPinnedToAVersion() {
			List<String> images = new java.util.ArrayList<>();
			for (Path values : List.of(Chart.ALL_ON, STATEFUL_SET)) {
				for (Map<String, Object> manifest : Chart.render(values)) {
					collectImages(manifest, images);
				}
			}
			Map<String, Object> services = at(Chart.loadYaml(Chart.PROJECT.resolve("docker-compose.yml")), "services");
			services.values().forEach((service) -> images.add((String) ((Map<String, Object>) service).get("image")));
			assertThat(images).hasSizeGreaterThan(5).allSatisfy((image) -> assertThat(image)
				.matches(".+:[A-Za-z0-9_.-]+|.+@sha256:[0-9a-f]{64}").doesNotEndWith(":latest"));
		}

		private static void collectImages(Object node, List<String> images) {
			if (node instanceof Map<?, ?> map) {
				map.forEach((key, value) -> {
					if ("image".equals(key) && value instanceof String image) {
						images.add(image);
					}
					else {
						collectImages(value, images);
					}
				});
			}
			else if (node instanceof List<?> list) {
				list.forEach((element) -> collectImages(element, images));
			}
		}

	}

}
