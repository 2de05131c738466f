package io.facecard.adapters.outbound.instore;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.application.instore.port.StaffRoster;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Reads tenancy's staff table directly: tenancy lives in a module the use cases cannot see, and this is one yes/no on
 * the primary key, made when an entry is added (matching checks the same table in {@link JdbcWatchLists}).
 */
@ApplicationScoped
public class JdbcStaffRoster implements StaffRoster {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public boolean isActive(TenantId tenant, UUID staffAccount) {
        return !Jdbc.query(em, "select 1 from staff_account where tenant_id = ? and id = ? and active", r -> 1, tenant.value(),
                staffAccount).isEmpty();
    }
}
