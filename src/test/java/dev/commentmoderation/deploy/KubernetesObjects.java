package dev.commentmoderation.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Checks that a rendered manifest is a valid Kubernetes object of its kind: it must deserialize into the typed
 * model of that kind (fabric8's for Kubernetes and the Prometheus Operator, Strimzi's own for KafkaTopic and
 * KafkaUser) with no property the model does not know anywhere in the tree and no scalar of the wrong type.
 * These models keep unknown properties in an "additionalProperties" map instead of failing, so the check walks
 * the deserialized object graph and fails on any non-empty one. KEDA publishes no Java model: its ScaledObject
 * is checked against the fields of the keda.sh/v1alpha1 CRD written down here.
 */
final class KubernetesObjects {

	private static final Map<String, Class<?>> MODELS = Map.ofEntries(
			Map.entry("v1/ServiceAccount", ServiceAccount.class), Map.entry("v1/Service", Service.class),
			Map.entry("v1/ConfigMap", ConfigMap.class), Map.entry("v1/Pod", Pod.class),
			Map.entry("apps/v1/Deployment", Deployment.class), Map.entry("apps/v1/StatefulSet", StatefulSet.class),
			Map.entry("batch/v1/Job", Job.class),
			Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
			Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
			Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
			Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
			Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
			Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

	private static final Pattern DNS_SUBDOMAIN = Pattern
		.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

	private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

	static final ObjectMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.build();

	private KubernetesObjects() {
	}

	/** Problems found in one manifest; empty when it is a valid object of its kind. */
	static List<String> problems(Map<String, Object> manifest) {
		String kind = String.valueOf(manifest.get("kind"));
		String apiVersion = String.valueOf(manifest.get("apiVersion"));
		String id = apiVersion + "/" + kind + " " + Chart.at(manifest, "metadata", "name");
		List<String> problems = new ArrayList<>();
		String name = Chart.at(manifest, "metadata", "name");
		if (name == null || name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
			problems.add(id + ": metadata.name is not a DNS subdomain name");
		}
		Map<String, Object> labels = Chart.at(manifest, "metadata", "labels");
		if (labels != null) {
			labels.forEach((key, value) -> {
				if (!(value instanceof String text) || text.length() > 63 || !LABEL_VALUE.matcher(text).matches()) {
					problems.add(id + ": label " + key + " has an invalid value " + value);
				}
			});
		}
		if ("keda.sh/v1alpha1".equals(apiVersion) && "ScaledObject".equals(kind)) {
			problems.addAll(ScaledObjects.problems(id, manifest));
			return problems;
		}
		Class<?> model = MODELS.get(apiVersion + "/" + kind);
		if (model == null) {
			problems.add(id + ": no model for this apiVersion and kind (not a kind this chart should render)");
			return problems;
		}
		Object object;
		try {
			object = MAPPER.convertValue(manifest, model);
		}
		catch (IllegalArgumentException ex) {
			problems.add(id + ": " + ex.getMessage());
			return problems;
		}
		if (object instanceof HasMetadata resource && HasMetadata.class.isAssignableFrom(model)) {
			@SuppressWarnings("unchecked")
			String expected = HasMetadata.getApiVersion((Class<? extends HasMetadata>) model);
			if (expected != null && !expected.equals(resource.getApiVersion())) {
				problems.add(id + ": apiVersion should be " + expected);
			}
		}
		unknownProperties(object, id, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
		return problems;
	}

	/** Deserializes a fragment into a model class and reports unknown properties in it. */
	static List<String> problems(String id, Object fragment, Class<?> model) {
		List<String> problems = new ArrayList<>();
		try {
			unknownProperties(MAPPER.convertValue(fragment, model), id, problems,
					Collections.newSetFromMap(new IdentityHashMap<>()));
		}
		catch (IllegalArgumentException ex) {
			problems.add(id + ": " + ex.getMessage());
		}
		return problems;
	}

	private static void unknownProperties(Object node, String path, List<String> problems, Set<Object> seen) {
		if (node == null || !seen.add(node)) {
			return;
		}
		if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				unknownProperties(list.get(i), path + "[" + i + "]", problems, seen);
			}
			return;
		}
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> unknownProperties(value, path + "." + key, problems, seen));
			return;
		}
		String packageName = node.getClass().getPackageName();
		if (!packageName.startsWith("io.fabric8.") && !packageName.startsWith("io.strimzi.")) {
			return;
		}
		for (Method getter : node.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
				continue;
			}
			Object value;
			try {
				value = getter.invoke(node);
			}
			catch (IllegalAccessException | InvocationTargetException | RuntimeException ex) {
				continue;
			}
			if (getter.getName().equals("getAdditionalProperties")) {
				if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
					problems.add(path + ": unknown properties " + extra.keySet());
				}
				continue;
			}
			String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
			unknownProperties(value, path + "." + property, problems, seen);
		}
	}

	/** The keda.sh/v1alpha1 ScaledObject fields this chart may use, and the Kafka scaler's metadata. */
	static final class ScaledObjects {

		private static final Set<String> SPEC = Set.of("scaleTargetRef", "pollingInterval", "cooldownPeriod",
				"initialCooldownPeriod", "idleReplicaCount", "minReplicaCount", "maxReplicaCount", "fallback",
				"advanced", "triggers");

		private static final Set<String> SCALE_TARGET = Set.of("apiVersion", "kind", "name", "envSourceContainerName");

		private static final Set<String> ADVANCED = Set.of("restoreToOriginalReplicaCount",
				"horizontalPodAutoscalerConfig", "scalingModifiers");

		private static final Set<String> HPA_CONFIG = Set.of("name", "behavior");

		private static final Set<String> TRIGGER = Set.of("type", "name", "metadata", "authenticationRef",
				"metricType", "useCachedMetrics");

		private static final Set<String> AUTHENTICATION_REF = Set.of("name", "kind");

		/** https://keda.sh/docs/latest/scalers/apache-kafka/ */
		private static final Set<String> KAFKA_METADATA = Set.of("bootstrapServers", "bootstrapServersFromEnv",
				"consumerGroup", "consumerGroupFromEnv", "topic", "topicFromEnv", "lagThreshold",
				"activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers", "scaleToZeroOnInvalidOffset",
				"excludePersistentLag", "version", "partitionLimitation", "sasl", "tls", "unsafeSsl",
				"limitToPartitionsWithLag", "ensureEvenDistributionOfPartitions");

		private static final Set<String> INTEGERS = Set.of("pollingInterval", "cooldownPeriod",
				"initialCooldownPeriod", "idleReplicaCount", "minReplicaCount", "maxReplicaCount");

		private ScaledObjects() {
		}

		static List<String> problems(String id, Map<String, Object> manifest) {
			List<String> problems = new ArrayList<>();
			keys(id, manifest, Set.of("apiVersion", "kind", "metadata", "spec"), problems);
			problems.addAll(KubernetesObjects.problems(id + " metadata", manifest.get("metadata"),
					io.fabric8.kubernetes.api.model.ObjectMeta.class));
			Map<String, Object> spec = Chart.at(manifest, "spec");
			if (spec == null) {
				problems.add(id + ": no spec");
				return problems;
			}
			keys(id + " spec", spec, SPEC, problems);
			INTEGERS.forEach((field) -> {
				if (spec.containsKey(field) && !(spec.get(field) instanceof Integer)) {
					problems.add(id + " spec." + field + " must be an integer");
				}
			});
			Map<String, Object> target = Chart.at(spec, "scaleTargetRef");
			if (target == null || !(target.get("name") instanceof String)) {
				problems.add(id + ": spec.scaleTargetRef.name is required");
			}
			else {
				keys(id + " spec.scaleTargetRef", target, SCALE_TARGET, problems);
			}
			Map<String, Object> advanced = Chart.at(spec, "advanced");
			if (advanced != null) {
				keys(id + " spec.advanced", advanced, ADVANCED, problems);
				Map<String, Object> hpa = Chart.at(advanced, "horizontalPodAutoscalerConfig");
				if (hpa != null) {
					keys(id + " spec.advanced.horizontalPodAutoscalerConfig", hpa, HPA_CONFIG, problems);
					problems.addAll(KubernetesObjects.problems(id + " behavior", hpa.get("behavior"),
							HorizontalPodAutoscalerBehavior.class));
				}
			}
			List<Map<String, Object>> triggers = Chart.at(spec, "triggers");
			if (triggers == null || triggers.isEmpty()) {
				problems.add(id + ": spec.triggers is required");
				return problems;
			}
			for (Map<String, Object> trigger : triggers) {
				keys(id + " trigger", trigger, TRIGGER, problems);
				if (!"kafka".equals(trigger.get("type"))) {
					problems.add(id + ": only kafka triggers are expected, got " + trigger.get("type"));
				}
				Map<String, Object> metadata = Chart.at(trigger, "metadata");
				if (metadata == null) {
					problems.add(id + ": trigger metadata is required");
					continue;
				}
				keys(id + " kafka trigger metadata", metadata, KAFKA_METADATA, problems);
				metadata.forEach((key, value) -> {
					if (!(value instanceof String)) {
						problems.add(id + ": trigger metadata " + key + " must be a string, got " + value);
					}
				});
				if (!metadata.containsKey("bootstrapServers") && !metadata.containsKey("bootstrapServersFromEnv")) {
					problems.add(id + ": the kafka trigger needs bootstrapServers or bootstrapServersFromEnv");
				}
				Map<String, Object> authenticationRef = Chart.at(trigger, "authenticationRef");
				if (authenticationRef != null) {
					keys(id + " authenticationRef", authenticationRef, AUTHENTICATION_REF, problems);
				}
			}
			return problems;
		}

		private static void keys(String id, Map<String, Object> map, Set<String> allowed, List<String> problems) {
			map.keySet().stream().filter((key) -> !allowed.contains(key))
				.forEach((key) -> problems.add(id + ": unknown field " + key));
		}

	}

}
