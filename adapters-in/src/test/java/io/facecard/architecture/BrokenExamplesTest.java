package io.facecard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule fires: each has a class in this module's test sources (packages named broken,
 * brokena, brokenb) that breaks it, and the rule must report that class. A rule that stopped
 * seeing its target (a renamed package, a typo in a pattern) fails here.
 */
class BrokenExamplesTest {
    /** Rule name → the deliberately broken class it must report. */
    static final Map<String, String> BREAKERS = Map.ofEntries(
            Map.entry("domain allow-list", "io.facecard.domain.broken.InjectedAggregate"),
            Map.entry("domain is deterministic", "io.facecard.domain.broken.ReadsTheClock"),
            Map.entry("application allow-list", "io.facecard.application.broken.SendsOnTheBus"),
            Map.entry("tenants allow-list", "io.facecard.tenants.broken.UsesJaxRs"),
            Map.entry("marketing sees other contexts only through its ports", "io.facecard.marketing.broken.ReadsMembers"),
            Map.entry("inbound adapters use no outbound adapter", "io.facecard.adapters.inbound.broken.AsksAxonDirectly"),
            Map.entry("outbound adapters use no inbound adapter", "io.facecard.adapters.outbound.broken.AnswersInHttp"),
            Map.entry("persistence stays in outbound adapters", "io.facecard.application.broken.UsesJpa"),
            Map.entry("ports are interfaces and the records or enums they carry", "io.facecard.application.broken.port.NotAnInterface"),
            Map.entry("domain contexts have no cycles", "io.facecard.domain.brokena.First"),
            Map.entry("application contexts have no cycles", "io.facecard.application.brokena.First"),
            Map.entry("outbound adapter contexts have no cycles", "io.facecard.adapters.outbound.brokena.First"),
            Map.entry("events carry the tenant and no secrets", "io.facecard.domain.broken.LeakyEvent"),
            Map.entry("use cases take their collaborators through the constructor", "io.facecard.application.broken.InjectsAField"),
            Map.entry("adapters take theirs through fields", "io.facecard.adapters.outbound.broken.InjectsAConstructor"),
            Map.entry("ports own their types", "io.facecard.application.broken.port.CarriesAUseCaseType"),
            Map.entry("contexts meet only at published ports", "io.facecard.application.brokena.UsesAnotherContextsUseCase"));

    static JavaClasses broken;

    @BeforeAll
    static void importBrokenExamples() {
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("io.facecard");
        broken = tests.that(JavaClass.Predicates.resideInAnyPackage("..broken..", "..brokena..", "..brokenb.."));
    }

    @Test
    void everyRuleHasABrokenExample() {
        assertThat(BREAKERS.keySet()).containsExactlyInAnyOrderElementsOf(
                Architecture.all().stream().map(Architecture.Rule::name).collect(Collectors.toSet()));
    }

    @Test
    void everyRuleReportsItsBrokenExample() {
        for (Architecture.Rule rule : Architecture.all()) {
            EvaluationResult result = rule.rule().evaluate(broken);
            assertThat(result.hasViolation()).as(rule.name() + " fires").isTrue();
            assertThat(String.join("\n", result.getFailureReport().getDetails()))
                    .as(rule.name() + " reports its broken example")
                    .contains(BREAKERS.get(rule.name()));
        }
    }
}
