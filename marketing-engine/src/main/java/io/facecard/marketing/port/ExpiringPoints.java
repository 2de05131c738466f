package io.facecard.marketing.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Port out: points about to lapse, read through the loyalty context. */
public interface ExpiringPoints {
    /** The tenants that run a programme (with their zone, in which an expiry day is named). */
    List<Tenant> tenants();

    /**
     * Per member, what lapses with expiry in {@code (now, until]}: the points, the first such
     * expiry, the balance now; members already told of that first expiry's day are left out.
     */
    List<Lapsing> lapsing(TenantId tenant, Instant now, Instant until);

    record Tenant(TenantId id, ZoneId zone) {}

    record Lapsing(MemberId member, long points, Instant firstExpiry, long balance) {}
}
