package dev.commentmoderation.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.commentmoderation.deploy.Chart.at;

/** The alerting rules file the chart's PrometheusRule and the compose Prometheus share. */
final class AlertRules {

	private AlertRules() {
	}

	static List<Map<String, Object>> alerts() {
		List<Map<String, Object>> alerts = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) at(Chart.loadYaml(ChartOperationsTest.RULES_FILE),
				"groups")) {
			alerts.addAll((List<Map<String, Object>>) group.get("rules"));
		}
		return alerts;
	}

	static List<String> expressions() {
		return alerts().stream().map((alert) -> (String) alert.get("expr")).toList();
	}

}
