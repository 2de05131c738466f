package io.facecard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Production code against every rule of {@link Architecture}. */
class ArchitectureTest {
    static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.facecard");
    }

    static Stream<Architecture.Rule> rules() {
        return Architecture.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(Architecture.Rule rule) {
        // The guard: a rule about a package that was renamed away would check nothing and pass.
        assertThat(production.that(JavaClass.Predicates.resideInAPackage(rule.subject())))
                .as("classes in " + rule.subject() + " (a rule about nothing checks nothing)")
                .isNotEmpty();
        rule.rule().check(production);
    }
}
