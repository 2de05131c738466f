package io.facecard.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noConstructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The architecture of DESIGN.md as rules: allow-lists per layer (what a layer may use, not what
 * it may not), dependencies pointing inwards, contexts without cycles, a deterministic domain,
 * Axon reached from use cases only through its gateways, marketing seeing other contexts only
 * through its ports. {@link ArchitectureTest} holds production to them (each guarded against
 * matching nothing); {@link BrokenExamplesTest} proves each one fires on a class that breaks it.
 */
final class Architecture {
    static final String DOMAIN = "io.facecard.domain..";
    static final String APPLICATION = "io.facecard.application..";
    static final String TENANTS = "io.facecard.tenants..";
    static final String MARKETING = "io.facecard.marketing..";
    static final String ADAPTERS_IN = "io.facecard.adapters.inbound..";
    static final String ADAPTERS_OUT = "io.facecard.adapters.outbound..";
    static final String PORTS = "io.facecard..port..";
    /** How use cases are composed and made transactional: CDI, JTA and the container's resources, nothing else. */
    static final String[] COMPOSITION = {"jakarta.inject..", "jakarta.enterprise..", "jakarta.transaction..", "jakarta.annotation.."};
    /** The only Axon use cases may touch: sending commands (and, later, queries and events) through gateways. */
    static final String AXON_GATEWAYS = "org.axonframework.*.gateway..";

    private Architecture() {}

    /** A named rule and the package it is about (for its guard). */
    record Rule(String name, ArchRule rule, String subject) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Rule> all() {
        return List.of(
                new Rule("domain allow-list", classes().that().resideInAPackage(DOMAIN).should().onlyDependOnClassesThat()
                        .resideInAnyPackage("java..", DOMAIN, "org.axonframework.modelling..", "org.axonframework.eventsourcing..",
                                "org.axonframework.commandhandling..", "org.axonframework.eventhandling..",
                                "org.axonframework.deadline..")
                        .because("deadlines belong to the model: an aggregate decides when its own holds and lots expire"), DOMAIN),
                new Rule("domain is deterministic", noClasses().that().resideInAPackage(DOMAIN).should()
                        .callMethodWhere(describe("a clock, a random number or a random id", Architecture::nonDeterministic))
                        .orShould().dependOnClassesThat().areAssignableTo(Random.class)
                        .because("time and ids come in with the command, so replaying events gives the same state"), DOMAIN),
                new Rule("application allow-list", classes().that().resideInAPackage(APPLICATION).should().onlyDependOnClassesThat()
                        .resideInAnyPackage(with("java..", "javax.crypto..", DOMAIN, APPLICATION, AXON_GATEWAYS)), APPLICATION),
                new Rule("tenants allow-list", classes().that().resideInAPackage(TENANTS).should().onlyDependOnClassesThat()
                        .resideInAnyPackage(with("java..", "javax.crypto..", DOMAIN, APPLICATION, TENANTS, AXON_GATEWAYS)), TENANTS),
                new Rule("marketing sees other contexts only through its ports", classes().that().resideInAPackage(MARKETING)
                        .should().onlyDependOnClassesThat(describe("java, marketing itself, refusals, the caller and its permits, or the ids of tenants and members",
                                // The caller and permits are the platform's shared kernel of authorization, not another context's data.
                                c -> c.getPackageName().startsWith("java") || c.getPackageName().startsWith("io.facecard.marketing")
                                        || c.getPackageName().equals("io.facecard.domain.refusal")
                                        || c.getPackageName().equals("io.facecard.application.security")
                                        // How background work starts and runs: the platform's, not a context's.
                                        || c.getPackageName().equals("io.facecard.application.platform")
                                        // Its own aggregate (campaigns), reached through Axon's command gateway only.
                                        || c.getPackageName().equals("io.facecard.domain.marketing")
                                        || c.getPackageName().startsWith("org.axonframework.commandhandling.gateway")
                                        || c.isEquivalentTo(TenantId.class) || c.isEquivalentTo(MemberId.class)
                                        || Set.of(COMPOSITION).stream().anyMatch(p -> c.getPackageName().startsWith(p.replace("..", ""))))),
                        MARKETING),
                new Rule("inbound adapters use no outbound adapter", noClasses().that().resideInAPackage(ADAPTERS_IN).should()
                        .dependOnClassesThat().resideInAPackage(ADAPTERS_OUT)
                        .because("the WAR packages adapters-out as the composition root; adapters-in asks through ports"), ADAPTERS_IN),
                new Rule("outbound adapters use no inbound adapter", noClasses().that().resideInAPackage(ADAPTERS_OUT).should()
                        .dependOnClassesThat().resideInAPackage(ADAPTERS_IN), ADAPTERS_OUT),
                new Rule("persistence stays in outbound adapters", noClasses().that().resideOutsideOfPackage(ADAPTERS_OUT).should()
                        .dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "org.flywaydb.."),
                        ADAPTERS_OUT),
                new Rule("ports are interfaces and the records or enums they carry", classes().that().resideInAPackage(PORTS)
                        .and().areTopLevelClasses().should().beInterfaces().orShould().beRecords().orShould().beEnums()
                        .because("a port's parameter and result types live with the port, not in the use case behind it"), PORTS),
                new Rule("ports own their types", classes().that().resideInAPackage(PORTS).should().onlyDependOnClassesThat()
                        .resideInAnyPackage(with("java..", DOMAIN, PORTS, "io.facecard.application.security..",
                                "io.facecard.application.platform..", "io.facecard.application.problem..", "io.facecard.application.support.."))
                        .because("a port's parameters and results live with the port or in the domain, never in the use case behind it"),
                        PORTS),
                new Rule("domain contexts have no cycles", slices().matching("io.facecard.domain.(*)..").should().beFreeOfCycles(),
                        DOMAIN),
                new Rule("application contexts have no cycles", slices().matching("io.facecard.application.(*)..").should()
                        .beFreeOfCycles(), APPLICATION),
                new Rule("outbound adapter contexts have no cycles", slices().matching("io.facecard.adapters.outbound.(*)..").should()
                        .beFreeOfCycles(), ADAPTERS_OUT),
                new Rule("contexts meet only at published ports", classes().that().resideInAnyPackage(DOMAIN, APPLICATION, TENANTS, MARKETING)
                        .should(new PublishedPortsOnly()), APPLICATION),
                new Rule("use cases take their collaborators through the constructor", noFields().that().areDeclaredInClassesThat()
                        .resideInAnyPackage(APPLICATION, TENANTS, MARKETING).should().beAnnotatedWith(Inject.class)
                        .because("a use case is a plain object a test builds with its ports; the container only calls the constructor"),
                        APPLICATION),
                new Rule("adapters take theirs through fields", noConstructors().that().areDeclaredInClassesThat()
                        .resideInAnyPackage(ADAPTERS_IN, ADAPTERS_OUT).should().beAnnotatedWith(Inject.class)
                        .because("only the container builds an adapter: one style per layer, chosen once"), ADAPTERS_OUT),
                new Rule("events carry the tenant and no secrets", classes().that().resideInAPackage(DOMAIN).and()
                        .haveSimpleNameEndingWith("Event").should(new TenantCarryingEvent()), DOMAIN));
    }

    private static String[] with(String... packages) {
        String[] all = new String[packages.length + COMPOSITION.length];
        System.arraycopy(packages, 0, all, 0, packages.length);
        System.arraycopy(COMPOSITION, 0, all, packages.length, COMPOSITION.length);
        return all;
    }

    private static boolean nonDeterministic(JavaMethodCall call) {
        JavaClass owner = call.getTargetOwner();
        String name = call.getName();
        boolean now = name.equals("now") && (owner.isEquivalentTo(Instant.class) || owner.isEquivalentTo(LocalDate.class)
                || owner.isEquivalentTo(LocalDateTime.class) || owner.isEquivalentTo(ZonedDateTime.class)
                || owner.isEquivalentTo(OffsetDateTime.class));
        boolean clock = owner.isEquivalentTo(Clock.class) && name.startsWith("system");
        boolean system = owner.isEquivalentTo(System.class) && (name.equals("currentTimeMillis") || name.equals("nanoTime"));
        boolean random = (owner.isEquivalentTo(UUID.class) && name.equals("randomUUID")) || (owner.isEquivalentTo(Math.class)
                && name.equals("random"));
        return now || clock || system || random;
    }
}
