package dev.commentmoderation.dryrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/policies.md shows the dry run's output for the example policy and the samples, for a comparison, and for
 * an invalid policy: each shown output is what the dry run prints today, so the page cannot go stale.
 */
class DryRunDocsTests {

	private static final Path PAGE = Path.of("docs/policies.md");

	@TempDir
	Path dir;

	@Test
	void theOutputShownForTheExamplePolicyIsWhatItPrints() throws IOException {
		DryRunTests.Result result = DryRunTests.run("--policy", DryRunTests.POLICY, DryRunTests.SAMPLES);

		assertThat(result.status()).isZero();
		assertThat(result.out().strip()).isEqualTo(blockAfter("The first command prints (measured):"));
	}

	@Test
	void theComparisonShownIsWhatItPrintsForTheLowerHoldScore() throws IOException {
		// the page's: sed 's/hold-score: 4/hold-score: 3/' deploy/policy/moderation-policy.yaml > /tmp/new.yaml
		Path changed = Files.writeString(this.dir.resolve("new.yaml"),
				Files.readString(Path.of(DryRunTests.POLICY)).replace("hold-score: 4", "hold-score: 3"));

		DryRunTests.Result result = DryRunTests.run("--policy", changed.toString(), "--compare", DryRunTests.POLICY,
				DryRunTests.SAMPLES);

		assertThat(result.status()).as("changes found").isEqualTo(1);
		assertThat(result.out().strip().replace(changed.toString(), "/tmp/new.yaml"))
			.isEqualTo(blockAfter("here the lower `hold-score` holds first comments with a link:"));
	}

	@Test
	void theProblemsShownForTheBrokenPolicyAreWhatItPrints() throws IOException {
		String shown = blockAfter("and exits with status 2:");
		Matcher printf = Pattern.compile("\\$ printf '(.*)' > /tmp/broken.yaml").matcher(shown);
		assertThat(printf.find()).as("the page's printf command").isTrue();
		Path broken = Files.writeString(this.dir.resolve("broken.yaml"), printf.group(1).replace("\\n", "\n"));

		DryRunTests.Result result = DryRunTests.run("--policy", broken.toString(), DryRunTests.SAMPLES);

		assertThat(result.status()).isEqualTo(2);
		String printed = shown.lines().filter((line) -> !line.startsWith("$ ")).reduce((a, b) -> a + "\n" + b).orElseThrow();
		assertThat(result.err().strip().replace(broken.toString(), "/tmp/broken.yaml")).isEqualTo(printed);
	}

	/** The fenced block that follows the first occurrence of {@code text} on the page, without its fences. */
	private static String blockAfter(String text) throws IOException {
		String page = Files.readString(PAGE, StandardCharsets.UTF_8);
		int at = page.indexOf(text);
		assertThat(at).as("\"%s\" on %s", text, PAGE).isNotNegative();
		Matcher block = Pattern.compile("(?s)```[^\\n]*\\n(.*?)\\n```").matcher(page);
		assertThat(block.find(at)).as("a code block after \"%s\"", text).isTrue();
		return block.group(1).strip();
	}

}
