package io.facecard.application.instore.port;

import io.facecard.domain.tenancy.TenantId;
import java.util.UUID;

/** Port out: whether a staff account of the tenant is active (a STAFF watch-list entry must be someone who works there). */
public interface StaffRoster {
    boolean isActive(TenantId tenant, UUID staffAccount);
}
