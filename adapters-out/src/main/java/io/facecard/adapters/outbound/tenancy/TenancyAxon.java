package io.facecard.adapters.outbound.tenancy;

import io.facecard.adapters.outbound.axon.AxonContext;
import io.facecard.domain.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Tenancy's part of Axon: the tenant aggregate, the directory credentials are checked against, the audit trail. */
@ApplicationScoped
public class TenancyAxon implements AxonContext {
    /** Subscribing, so a suspension holds as soon as its command commits (the face partition is made here too). */
    public static final String DIRECTORY = TenantDirectoryProjection.PROCESSOR;

    @Override
    public List<Aggregate> aggregates() {
        return List.of(Aggregate.of(Tenant.class));
    }

    @Override
    public List<Processor> processors() {
        return List.of(Processor.subscribing(DIRECTORY), Processor.streaming(TenantHistoryProjection.PROCESSOR, 2));
    }
}
