package dev.commentmoderation.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.commentmoderation.EmbeddedKafkaConfiguration;
import dev.commentmoderation.testing.KafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the Grafana dashboard queries must be one the service really exports: the set comes from a real
 * scrape of /actuator/prometheus of the service running against a KRaft broker in this JVM, after an approved, a
 * rejected and a malformed comment went through it. The policy's metrics are there too: rule hits per rule and
 * site, and the reload outcomes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "embedded.kafka.port=0", "spring.kafka.streams.application-id=dashboard-metrics-test",
				"spring.kafka.streams.state-dir=${java.io.tmpdir}/dashboard-metrics-test-${random.uuid}",
				"moderation.topics.partitions=2", "moderation.workbench.queue-metrics-interval=1s" })
@Import(EmbeddedKafkaConfiguration.class)
class DashboardMetricsTest {

	static final Path DASHBOARD = Chart.CHART.resolve("dashboards/comment-moderation.json");

	@LocalServerPort
	int port;

	@Autowired
	KafkaBroker broker;

	@Test
	void everyMetricTheDashboardQueriesIsExportedByTheService() throws Exception {
		Set<String> queried = queriedMetricNames();
		assertThat(queried).as("metric names found in the dashboard").hasSizeGreaterThanOrEqualTo(5);
		for (String expr : AlertRules.expressions()) {
			queried.addAll(PromQl.metricNames(expr));
		}

		publish();
		Set<String> exported = new TreeSet<>();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		String scrape = "";
		while (Instant.now().isBefore(deadline)) {
			scrape = scrape();
			exported = exportedNames(scrape);
			if (exported.containsAll(queried) && scrape.contains("moderation_comments_total{application=\"comment-moderation\",decision=\"APPROVED\"} 1.0")
					&& scrape.contains("decision=\"REJECTED\"} 1.0") && scrape.contains("error=\"MALFORMED_JSON\"} 1.0")
					&& scrape.contains("rule=\"SPAM_PATTERN\",site=\"_default\"} 1.0")
					&& scrape.contains("moderation_held_pending{application=\"comment-moderation\",site=\"s1\"} 1.0")) {
				break;
			}
			Thread.sleep(500);
		}
		Path saved = Path.of("target/prometheus-scrape.txt");
		Files.writeString(saved, scrape);
		assertThat(scrape).as("the comments went through (scrape saved to %s)", saved)
			.contains("decision=\"APPROVED\"} 1.0", "decision=\"REJECTED\"} 1.0", "error=\"MALFORMED_JSON\"} 1.0");
		Set<String> unknown = new TreeSet<>(queried);
		unknown.removeAll(exported);
		assertThat(unknown)
			.as("metrics the dashboard or the alerts query but the service does not export (scrape in %s)", saved)
			.isEmpty();
		assertThat(scrape).as("every series carries the application tag")
			.contains("moderation_processing_seconds_bucket{application=\"comment-moderation\"");
		assertThat(scrape).as("the policy's metrics (scrape in %s)", saved)
			.contains("moderation_rule_hits_total{application=\"comment-moderation\",rule=\"SPAM_PATTERN\",site=\"_default\"} 1.0",
					"moderation_policy_reloads_total{application=\"comment-moderation\",outcome=\"applied\"} 0.0",
					"moderation_policy_reloads_total{application=\"comment-moderation\",outcome=\"refused\"} 0.0",
					"moderation_policy_refused{application=\"comment-moderation\"} 0.0");
		assertThat(scrape).as("decisions per site (scrape in %s)", saved)
			.contains("moderation_site_decisions_total{application=\"comment-moderation\",decision=\"APPROVED\",site=\"_default\"} 1.0",
					"moderation_site_decisions_total{application=\"comment-moderation\",decision=\"REJECTED\",site=\"_default\"} 1.0",
					"moderation_site_decisions_total{application=\"comment-moderation\",decision=\"HELD\",site=\"_default\"} 1.0");
		assertThat(scrape).as("the held queue the alerts watch (scrape in %s)", saved)
			.contains("moderation_held_pending{application=\"comment-moderation\",site=\"s1\"} 1.0",
					"moderation_held_oldest_age_seconds{application=\"comment-moderation\",site=\"s1\"} ");
		assertThat(scrape).as("the stream's client and thread states the alerts and panels read")
			.contains("kafka_stream_client_state{", "kafka_stream_thread_thread_state{");
	}

	static Set<String> queriedMetricNames() throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
		Set<String> names = new TreeSet<>();
		List<String> expressions = new ArrayList<>();
		collectExpressions(dashboard, expressions);
		for (String expr : expressions) {
			names.addAll(PromQl.metricNames(expr));
		}
		return names;
	}

	/** Every "expr" of a panel target, and the metric of label_values(...) template queries. */
	static void collectExpressions(JsonNode node, List<String> expressions) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				if (field.getKey().equals("expr") && field.getValue().isString()) {
					expressions.add(field.getValue().stringValue());
				}
				else if (field.getKey().equals("definition") && field.getValue().isString()
						&& field.getValue().stringValue().startsWith("label_values(")) {
					String inner = field.getValue().stringValue().replaceFirst("^label_values\\(", "")
						.replaceFirst(",[^,]*\\)$", "");
					expressions.add(inner);
				}
				else {
					collectExpressions(field.getValue(), expressions);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach((element) -> collectExpressions(element, expressions));
		}
	}

	static Set<String> exportedNames(String scrape) {
		Set<String> names = new TreeSet<>();
		scrape.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).forEach((line) -> {
			int end = 0;
			while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
				end++;
			}
			names.add(line.substring(0, end));
		});
		return names;
	}

	private void publish() throws Exception {
		Instant now = Instant.now();
		String approved = """
				{"commentId":"c-approved","postId":"p1","siteId":"s1",
				 "author":{"name":"Ada","email":"ada@example.org"},
				 "content":"Thanks, a clear article.",
				 "formRenderedAt":"%s","submittedAt":"%s"}""".formatted(now.minusSeconds(60), now);
		String rejected = """
				{"commentId":"c-rejected","postId":"p1","siteId":"s1",
				 "author":{"name":"Bot","email":"bot@example.org"},
				 "content":"[url=http://spam.example]cheap[/url]",
				 "formRenderedAt":"%s","submittedAt":"%s"}""".formatted(now.minusSeconds(1), now);
		String held = """
				{"commentId":"c-held","postId":"p1","siteId":"s1",
				 "author":{"name":"Lin","email":"lin@example.org"},
				 "content":"See https://a.example, https://b.example and https://c.example",
				 "formRenderedAt":"%s","submittedAt":"%s"}""".formatted(now.minusSeconds(60), now);
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>("comments.submitted", "c-approved", bytes(approved))).get();
			producer.send(new ProducerRecord<>("comments.submitted", "c-rejected", bytes(rejected))).get();
			producer.send(new ProducerRecord<>("comments.submitted", "broken", bytes("{\"commentId\": "))).get();
			producer.send(new ProducerRecord<>("comments.submitted", "c-held", bytes(held))).get();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private String scrape() throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	@Test
	void promQlExtractionFindsMetricsNotFunctionsLabelsOrVariables() {
		assertThat(PromQl.metricNames(
				"histogram_quantile(0.99, sum by (le, instance) (rate(moderation_processing_seconds_bucket{application=~\"$application\",x=\"a{b}\"}[$__rate_interval])))"))
			.containsExactly("moderation_processing_seconds_bucket");
		assertThat(PromQl.metricNames("sum(rate(a_total[5m])) / on (job) group_left(x) b_info or vector(0)"))
			.containsExactly("a_total", "b_info");
		assertThat(PromQl.metricNames("max by (instance) (kafka_consumer_fetch_manager_records_lag_max offset 5m)"))
			.containsExactly("kafka_consumer_fetch_manager_records_lag_max");
		Map<String, Integer> unused = new TreeMap<>();
		assertThat(unused).isEmpty();
	}

}
