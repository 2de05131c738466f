package io.facecard.marketing.port;

import io.facecard.domain.tenancy.TenantId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Port out: each member's 12 months of spend (the tier's basis), kept in the segments' read model. */
public interface MemberSpend {
    /** Tenants with purchases, and their zones (a day is the tenant's). */
    List<Tenant> tenants();

    /** Members with purchases on {@code leaving} (now out of the window) get their spend recounted from the days after it. @return members recounted */
    int recount(TenantId tenant, LocalDate leaving);

    record Tenant(TenantId id, ZoneId zone) {}
}
