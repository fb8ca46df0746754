package org.diplomacykg;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * Which package may use which, as the table in docs/architecture.md ("Packages") draws it,
 * checked on the main code only (tests may reach across, e.g. to the Jena rules as an oracle).
 * A new package fails here until it has a row in that table and in {@link #MAY_USE}.
 */
class TestArchitecture {

    /** The table: each top-level package ({@code Main} for the root package) and what it may use. */
    private static final Map<String, List<String>> MAY_USE = Map.of(
        "Main", List.of("cli", "bench", "generate", "server", "replication", "store", "reasoning", "vocab", "docs"),
        "cli", List.of("bench", "generate", "server", "replication", "store", "reasoning", "vocab", "docs"),
        "bench", List.of("generate", "server", "store", "reasoning", "vocab"),
        "generate", List.of("store", "reasoning", "vocab"),
        "server", List.of("replication", "store", "reasoning", "vocab"),
        "replication", List.of("store", "reasoning", "vocab"),
        "store", List.of("reasoning", "vocab"),
        "reasoning", List.of("vocab"),
        "vocab", List.of(),
        "docs", List.of());

    private static final Path SOURCES = Path.of("src/main/java/org/diplomacykg");

    private static final Pattern IMPORT = Pattern.compile("import (?:static )?org\\.diplomacykg\\.(\\w+)[.;].*");

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.diplomacykg");

    @Test
    void classesUseOnlyWhatTheTableAllows() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture();
        for ( String name : MAY_USE.keySet() )
            layers = layers.layer(name).definedBy(name.equals("Main") ? "org.diplomacykg" : "org.diplomacykg." + name + "..");
        for ( var row : MAY_USE.entrySet() )
            layers = row.getValue().isEmpty()
                ? layers.whereLayer(row.getKey()).mayNotAccessAnyLayer()
                : layers.whereLayer(row.getKey()).mayOnlyAccessLayers(row.getValue().toArray(String[]::new));
        layers.check(MAIN_CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.diplomacykg.(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
    }

    /**
     * The same table over the imports, because javac copies a constant ({@code static final}
     * string or number) into the class that reads it: a use of one leaves no trace in bytecode
     * for ArchUnit to see. Both cycles this test was written against were such constants.
     */
    @Test
    void importsUseOnlyWhatTheTableAllows() throws IOException {
        List<String> wrong = new ArrayList<>();
        try ( Stream<Path> files = Files.walk(SOURCES) ) {
            for ( Path file : files.filter(f -> f.toString().endsWith(".java")).toList() ) {
                Path relative = SOURCES.relativize(file);
                String from = relative.getNameCount() == 1 ? "Main" : relative.getName(0).toString();
                for ( String line : Files.readAllLines(file) ) {
                    Matcher m = IMPORT.matcher(line.strip());
                    if ( !m.matches() )
                        continue;
                    // A class right under org.diplomacykg is in the root package.
                    String to = Character.isUpperCase(m.group(1).charAt(0)) ? "Main" : m.group(1);
                    if ( !to.equals(from) && !MAY_USE.getOrDefault(from, List.of()).contains(to) )
                        wrong.add(relative + ": " + line.strip());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
