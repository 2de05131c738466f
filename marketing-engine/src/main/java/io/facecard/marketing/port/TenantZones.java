package io.facecard.marketing.port;

import io.facecard.domain.tenancy.TenantId;
import java.time.ZoneId;

/** Port out: a tenant's time zone (a marketer's "9:00" is the chain's 9:00). */
public interface TenantZones {
    ZoneId zone(TenantId tenant);
}
