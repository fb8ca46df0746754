package org.diplomacykg;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Which package may use which, as the table in docs/architecture.md ("Packages") draws it,
 * checked on the compiled main classes (tests may reach across, e.g. to use the Jena rules as an
 * oracle). A new package fails here until it has a row in that table and a layer below.
 */
class TestArchitecture {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.diplomacykg");

    @Test
    void packagesUseOnlyWhatTheTableAllows() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            // Main alone: the commands must not reach back to it (they did, for an exit code).
            .layer("Main").definedBy("org.diplomacykg")
            .layer("cli").definedBy("org.diplomacykg.cli..")
            .layer("bench").definedBy("org.diplomacykg.bench..")
            .layer("generate").definedBy("org.diplomacykg.generate..")
            .layer("server").definedBy("org.diplomacykg.server..")
            .layer("store").definedBy("org.diplomacykg.store..")
            .layer("reasoning").definedBy("org.diplomacykg.reasoning..")
            .layer("vocab").definedBy("org.diplomacykg.vocab..")
            .layer("docs").definedBy("org.diplomacykg.docs..")

            .whereLayer("Main").mayNotBeAccessedByAnyLayer()
            .whereLayer("cli").mayOnlyAccessLayers("bench", "generate", "server", "store", "reasoning", "vocab", "docs")
            .whereLayer("bench").mayOnlyAccessLayers("generate", "server", "store", "reasoning", "vocab")
            .whereLayer("generate").mayOnlyAccessLayers("store", "reasoning", "vocab")
            .whereLayer("server").mayOnlyAccessLayers("store", "reasoning", "vocab")
            .whereLayer("store").mayOnlyAccessLayers("reasoning", "vocab")
            .whereLayer("reasoning").mayOnlyAccessLayers("vocab")
            .whereLayer("vocab").mayNotAccessAnyLayer()
            .whereLayer("docs").mayNotAccessAnyLayer()
            .check(MAIN_CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.diplomacykg.(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
    }
}
