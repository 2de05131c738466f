package io.facecard.adapters.outbound.marketing;

import io.facecard.application.loyalty.port.Programs;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.TenantZones;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;

/** The tenant's zone as its programme terms carry it (the tenant's own). */
@ApplicationScoped
public class ProgramTenantZones implements TenantZones {
    @Inject
    Programs programs;

    @Override
    public ZoneId zone(TenantId tenant) {
        return programs.terms(tenant).zone();
    }
}
