package dev.commentmoderation.deploy;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pulls the metric names out of a PromQL expression (as Grafana stores it, with $variables). */
final class PromQl {

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w:])");

	private PromQl() {
	}

	static Set<String> metricNames(String expr) {
		String text = expr
			// string literals, label matchers and range or subquery selectors hold no metric names
			.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
			.replaceAll("'(\\\\.|[^'\\\\])*'", "''")
			.replaceAll("\\{[^}]*\\}", " ")
			.replaceAll("\\[[^\\]]*\\]", " ")
			// label lists of aggregations and vector matching
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = IDENTIFIER.matcher(text);
		while (matcher.find()) {
			String name = matcher.group(1);
			String rest = text.substring(matcher.end()).stripLeading();
			if (rest.startsWith("(") || KEYWORDS.contains(name.toLowerCase())) {
				continue; // a function or aggregation, or a keyword
			}
			names.add(name);
		}
		return names;
	}

}
