package dev.commentmoderation.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure of the production code, checked on its class files (docs/development.md, "Package
 * structure"): packages by feature without cycles, and a core that is plain Java, so that the dry run, the tools
 * and the tests can run it without Spring or Kafka.
 */
class ArchitectureTests {

	static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.commentmoderation");

	@Test
	void noPackageDependsOnItselfThroughOthers() {
		// every package is a slice of its own, sub-packages included: web and web.security are two slices
		slices().matching("dev.commentmoderation.(**)")
			.should()
			.beFreeOfCycles()
			.check(PRODUCTION);
	}

	@Test
	void theCoreImportsNeitherSpringNorKafka() {
		noClasses().that()
			.resideInAnyPackage("dev.commentmoderation.rules..", "dev.commentmoderation.workbench..",
					"dev.commentmoderation.stage..", "dev.commentmoderation.classifier")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..")
			// the lead is creating package stage: until it holds classes, the rule has nothing to check there
			.allowEmptyShould(true)
			.check(PRODUCTION);
	}

}
