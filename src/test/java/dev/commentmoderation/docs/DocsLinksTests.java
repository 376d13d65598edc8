package dev.commentmoderation.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and docs/ point at things that exist: relative links (and their #anchors), repository paths and
 * package/Class names in code, and the profiles, properties and test classes of their {@code ./mvnw} commands.
 */
class DocsLinksTests {

	static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

	/** Properties that Maven or its plugins read, not the project. */
	private static final Set<String> PLUGIN_PROPERTIES = Set.of("test", "skipTests", "skipITs", "maven.test.skip",
			"surefire.failIfNoSpecifiedTests", "spring-boot.run.arguments", "spring-boot.run.jvmArguments");

	private static final Pattern REPOSITORY_PATH = Pattern
		.compile("(?<![\\w./-])((?:\\.ci|contract|deploy|docs|examples|helm|samples|src)/[\\w.@/-]*)");

	private static final Pattern PACKAGE_AND_CLASS = Pattern.compile("([a-z]+)/([A-Z]\\w*)(?:\\.java)?");

	private static final Pattern SHELL_WORD = Pattern.compile("(?:[^\\s'\"]+|'[^']*'|\"[^\"]*\")+");

	static List<MarkdownDocument> documents() {
		List<Path> files = new ArrayList<>(List.of(PROJECT.resolve("README.md")));
		files.addAll(markdownIn(PROJECT.resolve("docs")));
		for (String example : List.of("examples/python/README.md", "examples/node/README.md")) {
			if (Files.exists(PROJECT.resolve(example))) {
				files.add(PROJECT.resolve(example));
			}
		}
		return files.stream().map(MarkdownDocument::read).toList();
	}

	@Test
	void theReadmeAndEveryPageOfDocsAreChecked() {
		assertThat(documents()).extracting((document) -> PROJECT.relativize(document.file()).toString())
			.contains("README.md", "docs/README.md", "docs/integration.md", "docs/policies.md", "docs/moderators.md",
					"docs/operations.md", "docs/performance.md", "docs/development.md");
	}

	@Test
	void theCommandsOfThePagesAreFoundForTheChecksBelow() {
		assertThat(documents().stream().flatMap((document) -> mavenCommands(document).stream()))
			.contains(List.of("-Pbenchmark", "test-compile", "exec:exec"), List.of("-Pfaults", "test"));
	}

	@Nested
	class Links {

		@Test
		void everyRelativeLinkPointsAtAFileOrDirectoryOfTheRepository() {
			assertThat(documents().stream().flatMap((document) -> brokenLinks(PROJECT, document).stream()))
				.isEmpty();
		}

		@Test
		void everyAnchorNamesAHeadingOfTheLinkedPage() {
			assertThat(documents().stream().flatMap((document) -> brokenAnchors(PROJECT, document).stream())).isEmpty();
		}

	}

	@Nested
	class PathsInCode {

		@Test
		void everyRepositoryPathExists() {
			assertThat(documents().stream().flatMap((document) -> missingPaths(PROJECT, document).stream()))
				.isEmpty();
		}

		@Test
		void everyPackageSlashClassNamesAClassOfTheService() {
			assertThat(documents().stream().flatMap((document) -> missingClasses(PROJECT, document).stream()))
				.isEmpty();
		}

	}

	@Nested
	class MavenCommands {

		@Test
		void everyProfileIsDefinedInThePomTheCommandBuilds() {
			assertThat(documents().stream().flatMap((document) -> unknownProfiles(PROJECT, document).stream()))
				.isEmpty();
		}

		@Test
		void everySystemPropertyIsReadByThePomOrTheCode() {
			assertThat(documents().stream().flatMap((document) -> unknownProperties(PROJECT, document).stream()))
				.isEmpty();
		}

		@Test
		void everyTestNamedByDashDTestExists() {
			assertThat(documents().stream().flatMap((document) -> unknownTests(PROJECT, document).stream()))
				.isEmpty();
		}

	}

	/** The checks above, on made-up pages: each reports what is wrong, so the real pages cannot pass vacuously. */
	@Nested
	class TheChecksThemselves {

		@TempDir
		Path repository;

		@Test
		void aLinkToAMissingFileIsReported() throws IOException {
			Files.createDirectories(this.repository.resolve("docs"));
			Files.writeString(this.repository.resolve("docs/here.md"), "");
			MarkdownDocument page = page("docs/guide.md",
					"See [here](here.md), [there](../there.md) and [the web](https://example.org/x).\n");
			assertThat(brokenLinks(this.repository, page)).containsExactly("docs/guide.md: ../there.md");
		}

		@Test
		void aLinkInCodeIsNotALink() throws IOException {
			MarkdownDocument page = page("guide.md", "```\n[x](missing.md)\n```\nand `[y](missing.md)`\n");
			assertThat(brokenLinks(this.repository, page)).isEmpty();
		}

		@Test
		void anAnchorWithoutItsHeadingIsReported() throws IOException {
			page("other.md", "# Other\n\n## The rule: `revision` first, 2.0\n");
			MarkdownDocument page = page("guide.md", "# Guide\n\n## Keys\n\n[a](#keys) [b](#locks) "
					+ "[c](other.md#the-rule-revision-first-20) [d](other.md#the-rule)\n");
			assertThat(brokenAnchors(this.repository, page)).containsExactly("guide.md: #locks", "guide.md: other.md#the-rule");
		}

		@Test
		void aMissingPathInACommandIsReported() throws IOException {
			Files.createDirectories(this.repository.resolve("samples"));
			Files.writeString(this.repository.resolve("samples/comments.jsonl"), "{}");
			MarkdownDocument page = page("README.md",
					"```sh\nkcat -l samples/comments.jsonl\nkcat -l samples/gone.jsonl\n```\n");
			assertThat(missingPaths(this.repository, page)).containsExactly("README.md: samples/gone.jsonl");
		}

		@Test
		void aClassThatDoesNotExistIsReported() throws IOException {
			Path rules = this.repository.resolve("src/main/java/dev/commentmoderation/rules");
			Files.createDirectories(rules);
			Files.writeString(rules.resolve("TermFile.java"), "");
			MarkdownDocument page = page("README.md", "`rules/TermFile` and `rules/TermFiles`\n");
			assertThat(missingClasses(this.repository, page)).containsExactly("README.md: rules/TermFiles");
		}

		@Test
		void anUndefinedProfileIsReported() throws IOException {
			Files.writeString(this.repository.resolve("pom.xml"),
					"<project><profiles><profile>\n  <id>load</id></profile></profiles></project>");
			MarkdownDocument page = page("README.md",
					"```sh\n./mvnw -Pload test-compile exec:exec\n./mvnw -Pstress,load test  # soak\n```\n");
			assertThat(unknownProfiles(this.repository, page)).containsExactly("README.md: -Pstress");
		}

		@Test
		void aPropertyNobodyReadsIsReported() throws IOException {
			Files.writeString(this.repository.resolve("pom.xml"), "<project><load.args>x</load.args></project>");
			MarkdownDocument page = page("README.md",
					"Run `./mvnw test -Dload.args=\"a b\" -Dlaod.args=x -DskipTests` && ./mvnw -Dother=1\n");
			assertThat(unknownProperties(this.repository, page)).containsExactly("README.md: -Dlaod.args");
		}

		@Test
		void aTestClassThatDoesNotExistIsReported() throws IOException {
			Path tests = this.repository.resolve("src/test/java/dev/commentmoderation/faults");
			Files.createDirectories(tests);
			Files.writeString(tests.resolve("BrokerOutageFaultTests.java"), "");
			MarkdownDocument page = page("README.md",
					"`./mvnw test -Dtest='*FaultTests,BrokerOutageFaultTests#outage,CrashTests'`\n");
			assertThat(unknownTests(this.repository, page)).containsExactly("README.md: -Dtest=CrashTests");
		}

		private MarkdownDocument page(String name, String text) throws IOException {
			Path file = this.repository.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
			return MarkdownDocument.read(file);
		}

	}

	static List<String> brokenLinks(Path repository, MarkdownDocument document) {
		List<String> broken = new ArrayList<>();
		for (String link : document.relativeLinks()) {
			String path = link.split("#", 2)[0];
			if (path.isEmpty()) {
				continue;
			}
			Path target = document.file().getParent().resolve(path).normalize();
			if (!target.startsWith(repository) || !Files.exists(target)) {
				broken.add(name(repository, document) + ": " + link);
			}
		}
		return broken;
	}

	static List<String> brokenAnchors(Path repository, MarkdownDocument document) {
		List<String> broken = new ArrayList<>();
		for (String link : document.relativeLinks()) {
			int hash = link.indexOf('#');
			if (hash < 0) {
				continue;
			}
			String path = link.substring(0, hash);
			Path target = path.isEmpty() ? document.file() : document.file().getParent().resolve(path).normalize();
			if (target.toString().endsWith(".md") && Files.isRegularFile(target)
					&& !MarkdownDocument.read(target).anchors().contains(link.substring(hash + 1))) {
				broken.add(name(repository, document) + ": " + link);
			}
		}
		return broken;
	}

	static List<String> missingPaths(Path repository, MarkdownDocument document) {
		Set<String> missing = new LinkedHashSet<>();
		for (String snippet : document.codeSnippets()) {
			if (PACKAGE_AND_CLASS.matcher(snippet.strip()).matches()) {
				continue; // `docs/DocsLinksTests` names a class: the class check's business
			}
			Matcher matcher = REPOSITORY_PATH.matcher(snippet);
			while (matcher.find()) {
				String path = matcher.group(1).replaceAll("[.]+$", "");
				// build output (target/...) exists only after a build
				if (!path.contains("/target/") && !Files.exists(repository.resolve(path))) {
					missing.add(name(repository, document) + ": " + path);
				}
			}
		}
		return List.copyOf(missing);
	}

	static List<String> missingClasses(Path repository, MarkdownDocument document) {
		Set<String> missing = new LinkedHashSet<>();
		for (String snippet : document.codeSnippets()) {
			Matcher matcher = PACKAGE_AND_CLASS.matcher(snippet.strip());
			if (matcher.matches() && Stream.of("main", "test")
				.map((root) -> repository.resolve("src/" + root + "/java/dev/commentmoderation")
					.resolve(matcher.group(1))
					.resolve(matcher.group(2) + ".java"))
				.noneMatch(Files::isRegularFile)) {
				missing.add(name(repository, document) + ": " + snippet.strip());
			}
		}
		return List.copyOf(missing);
	}

	static List<String> unknownProfiles(Path repository, MarkdownDocument document) {
		Set<String> unknown = new LinkedHashSet<>();
		for (List<String> command : mavenCommands(document)) {
			String pom = read(repository.resolve(option(command, "-f").orElse("pom.xml")));
			for (String word : command) {
				if (word.startsWith("-P")) {
					for (String profile : word.substring(2).split(",")) {
						if (!Pattern.compile("<profile>\\s*<id>" + Pattern.quote(profile.replace("!", "")) + "</id>")
							.matcher(pom)
							.find()) {
							unknown.add(name(repository, document) + ": -P" + profile);
						}
					}
				}
			}
		}
		return List.copyOf(unknown);
	}

	static List<String> unknownProperties(Path repository, MarkdownDocument document) {
		Set<String> unknown = new LinkedHashSet<>();
		for (List<String> command : mavenCommands(document)) {
			String pom = read(repository.resolve(option(command, "-f").orElse("pom.xml")));
			for (String word : command) {
				if (word.startsWith("-D")) {
					String property = word.substring(2).split("=", 2)[0];
					if (!PLUGIN_PROPERTIES.contains(property) && !pom.contains("${" + property + "}")
							&& !pom.contains("<" + property + ">") && !readInCode(repository, property)) {
						unknown.add(name(repository, document) + ": -D" + property);
					}
				}
			}
		}
		return List.copyOf(unknown);
	}

	static List<String> unknownTests(Path repository, MarkdownDocument document) {
		Set<String> unknown = new LinkedHashSet<>();
		List<String> testClasses = javaFiles(repository.resolve("src/test/java")).stream()
			.map((file) -> file.getFileName().toString().replace(".java", ""))
			.toList();
		for (List<String> command : mavenCommands(document)) {
			for (String word : command) {
				if (word.startsWith("-Dtest=")) {
					for (String test : word.substring("-Dtest=".length()).split(",")) {
						String glob = test.split("#", 2)[0].strip();
						PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
						if (testClasses.stream().noneMatch((name) -> matcher.matches(Path.of(name)))) {
							unknown.add(name(repository, document) + ": -Dtest=" + glob);
						}
					}
				}
			}
		}
		return List.copyOf(unknown);
	}

	/** Each {@code ./mvnw} command in the page's code, as shell words, up to {@code &&}, {@code ;}, a pipe or a comment. */
	static List<List<String>> mavenCommands(MarkdownDocument document) {
		List<List<String>> commands = new ArrayList<>();
		for (String snippet : document.codeSnippets()) {
			String[] parts = snippet.split("\\./mvnw", -1);
			for (int i = 1; i < parts.length; i++) {
				List<String> words = new ArrayList<>();
				Matcher matcher = SHELL_WORD.matcher(parts[i]);
				while (matcher.find()) {
					String word = matcher.group();
					if (word.equals("&&") || word.equals("||") || word.equals("|") || word.startsWith("#")) {
						break;
					}
					boolean last = word.endsWith(";");
					words.add(last ? word.substring(0, word.length() - 1) : word);
					if (last) {
						break;
					}
				}
				commands.add(words.stream().map(DocsLinksTests::unquoteValue).toList());
			}
		}
		return commands;
	}

	private static Optional<String> option(List<String> command, String flag) {
		int at = command.indexOf(flag);
		return (at >= 0 && at + 1 < command.size()) ? Optional.of(command.get(at + 1)) : Optional.empty();
	}

	/** {@code -Dx='a b'} as {@code -Dx=a b}. */
	private static String unquoteValue(String word) {
		return word.replaceAll("['\"]", "");
	}

	private static boolean readInCode(Path repository, String property) {
		return javaFiles(repository.resolve("src")).stream().anyMatch((file) -> read(file).contains("\"" + property + "\""));
	}

	private static List<Path> javaFiles(Path root) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".java")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> markdownIn(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(".md")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String name(Path base, MarkdownDocument document) {
		return base.relativize(document.file()).toString();
	}

}
