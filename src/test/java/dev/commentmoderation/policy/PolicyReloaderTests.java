package dev.commentmoderation.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyReloaderTests {

	@TempDir
	Path dir;

	final List<String> events = new ArrayList<>();

	final PolicyReloader.Listener listener = new PolicyReloader.Listener() {

		@Override
		public void applied(Policy previous, Policy next) {
			events.add("applied " + next.defaults().settings().maxLinks());
		}

		@Override
		public void refused(Path file, PolicyException problem, Policy kept) {
			events.add("refused " + problem.problems() + " keeping " + kept.defaults().settings().maxLinks());
		}

	};

	@Test
	void anUnchangedFileIsNotReloaded() {
		Path file = Policies.write(this.dir.resolve("policy.yaml"), "defaults: {max-links: 1}\n");
		ActivePolicy active = new ActivePolicy(Policies.LOADER.load(file));
		Policy before = active.get();
		PolicyReloader reloader = new PolicyReloader(file, Policies.LOADER, active, this.listener);
		reloader.run();
		reloader.run();
		assertThat(active.get()).isSameAs(before);
		assertThat(this.events).isEmpty();
	}

	@Test
	void aChangedFileIsAppliedWholeWithANewVersion() {
		Path file = Policies.write(this.dir.resolve("policy.yaml"), "defaults: {max-links: 1}\n");
		ActivePolicy active = new ActivePolicy(Policies.LOADER.load(file));
		String before = active.get().version();
		PolicyReloader reloader = new PolicyReloader(file, Policies.LOADER, active, this.listener);
		Policies.write(file, "defaults: {max-links: 2}\nsites: {a: {max-links: 0}}\n");
		reloader.run();
		assertThat(active.get().version()).isNotEqualTo(before);
		assertThat(active.get().defaults().settings().maxLinks()).isEqualTo(2);
		assertThat(active.get().forSite("a").settings().maxLinks()).isZero();
		assertThat(this.events).containsExactly("applied 2");
	}

	@Test
	void anInvalidFileIsRefusedOnceAndThePreviousPolicyKeepsRunning() {
		Path file = Policies.write(this.dir.resolve("policy.yaml"), "defaults: {max-links: 1}\n");
		ActivePolicy active = new ActivePolicy(Policies.LOADER.load(file));
		Policy before = active.get();
		PolicyReloader reloader = new PolicyReloader(file, Policies.LOADER, active, this.listener);
		Policies.write(file, "defaults: {max-links: -3}\n");
		reloader.run();
		reloader.run();
		assertThat(active.get()).isSameAs(before);
		assertThat(reloader.refusal()).isNotNull();
		assertThat(this.events).hasSize(1).first().asString().startsWith("refused [defaults.max-links").endsWith("keeping 1");
		Policies.write(file, "defaults: {max-links: 4}\n");
		reloader.run();
		assertThat(reloader.refusal()).isNull();
		assertThat(active.get().defaults().settings().maxLinks()).isEqualTo(4);
	}

	@Test
	void aDeletedFileIsRefusedAndThePolicyKeepsRunning() throws IOException {
		Path file = Policies.write(this.dir.resolve("policy.yaml"), "defaults: {max-links: 1}\n");
		ActivePolicy active = new ActivePolicy(Policies.LOADER.load(file));
		PolicyReloader reloader = new PolicyReloader(file, Policies.LOADER, active, this.listener);
		Files.delete(file);
		reloader.run();
		assertThat(active.get().defaults().settings().maxLinks()).isEqualTo(1);
		assertThat(this.events).singleElement().asString().contains("cannot read the file");
	}

	@Test
	void aChangeOfATermFileTheFileNamesIsAppliedToo() {
		Path terms = Policies.write(this.dir.resolve("blocked.txt"), "casino\n");
		Path file = Policies.write(this.dir.resolve("policy.yaml"), "defaults: {blocked-terms-file: blocked.txt}\n");
		ActivePolicy active = new ActivePolicy(Policies.LOADER.load(file));
		PolicyReloader reloader = new PolicyReloader(file, Policies.LOADER, active, this.listener);
		Policies.write(terms, "casino\nviagra\n");
		reloader.run();
		assertThat(active.get().defaults().settings().blockedTerms()).containsExactly("casino", "viagra");
	}

	/** How the kubelet updates a mounted ConfigMap: a new timestamped directory, then the ..data link swapped. */
	@Test
	void aConfigMapUpdateThroughItsSymbolicLinksIsApplied() throws IOException {
		Path first = Policies.write(this.dir.resolve("..2026_11_28_08_00_00.1/policy.yaml"),
				"defaults: {max-links: 1}\n");
		Path data = Files.createSymbolicLink(this.dir.resolve("..data"), first.getParent().getFileName());
		Path file = Files.createSymbolicLink(this.dir.resolve("policy.yaml"), Path.of("..data/policy.yaml"));
		ActivePolicy active = new ActivePolicy(Policies.LOADER.load(file));
		PolicyReloader reloader = new PolicyReloader(file, Policies.LOADER, active, this.listener);

		Path second = Policies.write(this.dir.resolve("..2026_11_28_08_05_00.2/policy.yaml"),
				"defaults: {max-links: 7}\n");
		Path staged = Files.createSymbolicLink(this.dir.resolve("..data_tmp"), second.getParent().getFileName());
		Files.move(staged, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		reloader.run();

		assertThat(active.get().defaults().settings().maxLinks()).isEqualTo(7);
		assertThat(this.events).containsExactly("applied 7");
	}

}
