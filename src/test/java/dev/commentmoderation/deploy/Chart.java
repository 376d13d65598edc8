package dev.commentmoderation.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Renders and lints helm/comment-moderation with Helm embedded in helm-java: no helm binary, no cluster. */
final class Chart {

	static final Path PROJECT = Paths.get("").toAbsolutePath();

	static final Path CHART = PROJECT.resolve("helm/comment-moderation");

	static final String RELEASE = "moderation";

	static final String NAMESPACE = "comments";

	/** Helm's built-in default (1.20) is older than the chart's kubeVersion constraint. */
	static final String KUBE_VERSION = "1.33.0";

	/** Every optional feature on, with KEDA (the HorizontalPodAutoscaler excludes it). */
	static final Path ALL_ON = testResource("deploy/values-all-features.yaml");

	/** The CPU HorizontalPodAutoscaler instead of KEDA. */
	static final Path HPA = testResource("deploy/values-hpa.yaml");

	/** Connection settings from existing Secrets: bootstrap servers, SASL, TLS trust and key stores. */
	static final Path SECRETS = testResource("deploy/values-existing-secrets.yaml");

	private Chart() {
	}

	static Path testResource(String name) {
		try {
			return Paths.get(Objects.requireNonNull(Chart.class.getClassLoader().getResource(name), name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The rendered manifests, one map per YAML document, in the order Helm printed them. */
	static List<Map<String, Object>> render(Path... valuesFiles) {
		return parse(renderText(valuesFiles));
	}

	static String renderText(Path... valuesFiles) {
		TemplateCommand template = new Helm(chartWithHooksAsManifests()).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
		for (Path values : valuesFiles) {
			template = template.withValuesFile(values);
		}
		return template.call();
	}

	/**
	 * helm-java's template, unlike the helm CLI's, leaves hooks (the helm test Pod) out of its output. To render and
	 * check them too, render a copy of the chart whose hook annotation is renamed, then name it back in the output.
	 */
	private static synchronized Path chartWithHooksAsManifests() {
		try {
			Path copy = Files.createTempDirectory("chart-hooks").resolve("comment-moderation");
			copyTree(CHART, copy);
			try (Stream<Path> files = Files.walk(copy.resolve("templates"))) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Files.writeString(file, Files.readString(file).replace(HOOK, RENAMED_HOOK));
				}
			}
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final String HOOK = "helm.sh/hook:";

	private static final String RENAMED_HOOK = "rendered-by-test/hook:";

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> parse(String yamlText) {
		yamlText = yamlText.replace(RENAMED_HOOK, HOOK);
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml().loadAll(yamlText)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

	/** Lints the chart as it is, or a copy of it whose values.yaml is the chart's merged with the given files. */
	static LintResult lint(Path... valuesFiles) {
		if (valuesFiles.length == 0) {
			return new Helm(CHART).lint().strict().call();
		}
		try {
			Path copy = Files.createTempDirectory("chart-lint").resolve("comment-moderation");
			copyTree(CHART, copy);
			Map<String, Object> values = loadYaml(CHART.resolve("values.yaml"));
			for (Path file : valuesFiles) {
				values = deepMerge(values, loadYaml(file));
			}
			DumperOptions options = new DumperOptions();
			options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
			Files.writeString(copy.resolve("values.yaml"), new Yaml(options).dump(values));
			return new Helm(copy).lint().strict().call();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> loadYaml(Path file) {
		try {
			Map<String, Object> map = new Yaml(new LoaderOptions()).load(Files.readString(file));
			return map == null ? new LinkedHashMap<>() : map;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> override) {
		Map<String, Object> merged = new LinkedHashMap<>(base);
		override.forEach((key, value) -> {
			Object existing = merged.get(key);
			if (existing instanceof Map && value instanceof Map) {
				merged.put(key, deepMerge((Map<String, Object>) existing, (Map<String, Object>) value));
			}
			else {
				merged.put(key, value);
			}
		});
		return merged;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path source : (Iterable<Path>) paths::iterator) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

	static List<Map<String, Object>> ofKind(List<Map<String, Object>> manifests, String kind) {
		return manifests.stream().filter((manifest) -> kind.equals(manifest.get("kind"))).toList();
	}

	static Map<String, Object> single(List<Map<String, Object>> manifests, String kind) {
		List<Map<String, Object>> found = ofKind(manifests, kind);
		if (found.size() != 1) {
			throw new AssertionError("expected one " + kind + " but rendered " + found.size());
		}
		return found.get(0);
	}

	/** Follows a path of map keys and list indexes, e.g. at(deployment, "spec", "template", "spec"). */
	@SuppressWarnings("unchecked")
	static <T> T at(Object node, Object... path) {
		Object current = node;
		for (Object step : path) {
			if (current == null) {
				return null;
			}
			current = (step instanceof Integer index) ? ((List<Object>) current).get(index)
					: ((Map<String, Object>) current).get(step);
		}
		return (T) current;
	}

}
