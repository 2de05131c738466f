package io.facecard.adapters.outbound.telemetry;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.transaction.Transactional;

/**
 * Marks every transactional class of the application, tenancy and marketing layers as a {@link UseCase}, so each call
 * into one is a span between the HTTP request's and Axon's. Done here, at the composition root, because the use cases
 * may depend on nothing but the domain, their ports and the container's composition annotations.
 */
public class UseCaseSpans implements Extension {
    <T> void traced(@Observes @WithAnnotations(Transactional.class) ProcessAnnotatedType<T> type) {
        String pkg = type.getAnnotatedType().getJavaClass().getPackageName();
        if (pkg.startsWith("io.facecard.application.") || pkg.startsWith("io.facecard.tenants.") || pkg.startsWith("io.facecard.marketing.")) {
            type.configureAnnotatedType().add(UseCase.Literal.INSTANCE);
        }
    }
}
