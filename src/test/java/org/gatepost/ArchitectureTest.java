package org.gatepost;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The shape of the code: features depend on each other in one direction only. */
class ArchitectureTest {

    /** The compiled main classes only: scanning every jar of the test class path for the package takes seconds. */
    static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void packagesHaveNoCycle() {
        slices().matching("org.gatepost.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
