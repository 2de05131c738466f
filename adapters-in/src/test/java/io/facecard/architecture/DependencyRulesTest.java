package io.facecard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of DESIGN.md: adapters → application (and the context modules) →
 * domain. Every rule first checks that its subject matches classes, so a renamed package
 * cannot turn a rule into one that checks nothing.
 */
class DependencyRulesTest {
    static final String DOMAIN = "io.facecard.domain..";
    static final String APPLICATION = "io.facecard.application..";
    static final String TENANTS = "io.facecard.tenants..";
    static final String MARKETING = "io.facecard.marketing..";
    static final String ADAPTERS_IN = "io.facecard.adapters.in..";
    static final String ADAPTERS_OUT = "io.facecard.adapters.out..";
    static JavaClasses classes;

    @BeforeAll
    static void importProduction() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.facecard");
    }

    private static void check(ArchRule rule, String subject) {
        assertThat(classes.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(subject)))
                .as("classes in " + subject + " (a rule about nothing checks nothing)")
                .isNotEmpty();
        rule.check(classes);
    }

    @Test
    void theDomainKnowsNoFrameworkButAxonModelling() {
        // Deadlines belong to the model: an aggregate decides when its own holds and lots expire.
        check(classes().that().resideInAPackage(DOMAIN).should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", DOMAIN, "org.axonframework.modelling..", "org.axonframework.eventsourcing..",
                        "org.axonframework.commandhandling..", "org.axonframework.eventhandling..", "org.axonframework.deadline.."),
                DOMAIN);
    }

    @Test
    void theDomainDependsOnNothingOutsideIt() {
        check(noClasses().that().resideInAPackage(DOMAIN).should().dependOnClassesThat()
                .resideInAnyPackage(APPLICATION, TENANTS, MARKETING, ADAPTERS_IN, ADAPTERS_OUT, "jakarta..", "org.hibernate..",
                        "org.eclipse.microprofile.."), DOMAIN);
    }

    @Test
    void theApplicationKnowsNoAdapterAndNoTechnology() {
        // CDI and JTA annotations are how use cases are composed and made transactional; nothing else.
        check(noClasses().that().resideInAPackage(APPLICATION).should().dependOnClassesThat()
                .resideInAnyPackage(TENANTS, MARKETING, ADAPTERS_IN, ADAPTERS_OUT, "jakarta.persistence..", "jakarta.ws..",
                        "jakarta.json..", "jakarta.servlet..", "org.hibernate..", "org.eclipse.microprofile..", "org.postgresql..",
                        "org.opencv..", "ai.onnxruntime.."), APPLICATION);
    }

    @Test
    void contextModulesUseNoPersistenceWebOrAdapterTypes() {
        for (String context : new String[] {TENANTS, MARKETING}) {
            check(noClasses().that().resideInAPackage(context).should().dependOnClassesThat()
                    .resideInAnyPackage(ADAPTERS_IN, ADAPTERS_OUT, "jakarta.persistence..", "jakarta.ws.rs..",
                            "org.hibernate..", "org.postgresql..", "org.eclipse.microprofile.."), context);
        }
    }

    @Test
    void outboundAdaptersDoNotReachIntoInboundAdapters() {
        check(noClasses().that().resideInAPackage(ADAPTERS_OUT).should().dependOnClassesThat().resideInAPackage(ADAPTERS_IN),
                ADAPTERS_OUT);
    }

    @Test
    void persistenceTypesStayInOutboundAdapters() {
        check(noClasses().that().resideOutsideOfPackage(ADAPTERS_OUT).should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "org.flywaydb.."), ADAPTERS_OUT);
    }

    @Test
    void eventsCarryTheTenantAndNoSecrets() {
        check(classes().that().resideInAPackage(DOMAIN).and().haveSimpleNameEndingWith("Event")
                .should(new TenantCarryingEvent()), DOMAIN);
    }
}
