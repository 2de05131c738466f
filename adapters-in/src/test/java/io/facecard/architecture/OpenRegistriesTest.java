package io.facecard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.facecard.adapters.outbound.persistence.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The places every context plugs into name no context, so a new one adds files and edits none of them: start-up finds
 * its steps through CDI, the caller filter its anonymous resources by annotation, offboarding its erasure hooks, Axon its
 * contexts and projections, the contract its fragments. A registry that imports a context's class (a worker by name,
 * a resource in an instanceof list) fails here.
 */
class OpenRegistriesTest {
    /** Each registry and the one context it may see (its own), or none. */
    private static final Map<String, String> REGISTRIES = Map.of(
            "io.facecard.adapters.outbound.platform.PlatformStartup", "",
            "io.facecard.adapters.inbound.http.CallerFilter", "tenancy", // it authenticates through tenancy's published port
            "io.facecard.tenants.tenancy.TenantOffboardingRunner", "tenancy",
            "io.facecard.adapters.outbound.axon.AxonRuntime", "",
            "io.facecard.adapters.outbound.axon.AxonAssembly", "",
            "io.facecard.adapters.outbound.persistence.TenantBoundInterceptor", "tenancy", // TenantId is tenancy's id
            "io.facecard.openapi.ContractMerge", "");
    static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.facecard");
    }

    static Iterable<String> registries() {
        return new TreeSet<>(REGISTRIES.keySet());
    }

    @ParameterizedTest
    @MethodSource("registries")
    void aRegistryNamesNoContext(String registry) {
        JavaClass r = production.get(registry);
        TreeSet<String> named = new TreeSet<>();
        for (Dependency d : r.getDirectDependenciesFromSelf()) {
            PublishedPortsOnly.contextOf(d.getTargetClass().getBaseComponentType()).filter(c -> !c.equals(REGISTRIES.get(registry)))
                    .ifPresent(c -> named.add(c + ": " + d.getTargetClass().getName()));
        }
        assertThat(named).as(registry + " names contexts").isEmpty();
    }

    /** The interceptor binds only beans the container builds: a helper marked {@link TenantBound} would run unbound. */
    @Test
    void everyTenantBoundClassIsABeanTheContainerIntercepts() {
        var marked = production.stream().filter(c -> c.isAnnotatedWith(TenantBound.class) && !c.isAnnotatedWith(Interceptor.class)).toList();
        assertThat(marked).hasSizeGreaterThan(30).allSatisfy(c -> assertThat(c.isAnnotatedWith(ApplicationScoped.class)
                || c.isAnnotatedWith(Dependent.class) || c.isAnnotatedWith(RequestScoped.class)).as(c.getName() + " is a bean").isTrue());
    }
}
