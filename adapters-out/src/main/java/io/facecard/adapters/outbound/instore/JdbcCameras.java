package io.facecard.adapters.outbound.instore;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.instore.port.Cameras;
import io.facecard.domain.instore.Placement;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@TenantBound
public class JdbcCameras implements Cameras {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public boolean place(TenantId tenant, UUID terminal, UUID store, Placement placement) {
        return Jdbc.update(em, "insert into instore_camera (tenant_id, terminal_id, store_id, placement) "
                + "select tenant_id, id, store_id, ? from terminal where tenant_id = ? and id = ? and store_id = ? and kind = 'CAMERA' "
                + "and revoked_at is null on conflict (tenant_id, terminal_id) do update set placement = excluded.placement",
                placement.name(), tenant.value(), terminal, store) == 1;
    }

    @Override
    public boolean hasStore(TenantId tenant, UUID store) {
        return !Jdbc.query(em, "select 1 from store where tenant_id = ? and id = ?", r -> 1, tenant.value(), store).isEmpty();
    }

    @Override
    public Optional<ZoneId> zoneOf(TenantId tenant, UUID store) {
        if (store == null) {
            return Jdbc.query(em, "select timezone from tenant_view where id = ?", r -> ZoneId.of(r.getString(1)), tenant.value())
                    .stream().findFirst();
        }
        return Jdbc.query(em, "select coalesce(s.timezone, t.timezone) from store s join tenant_view t on t.id = s.tenant_id "
                + "where s.tenant_id = ? and s.id = ?", r -> ZoneId.of(r.getString(1)), tenant.value(), store).stream().findFirst();
    }

    @Override
    public Optional<Placement> placement(TenantId tenant, UUID terminal) {
        return Jdbc.query(em, "select placement from instore_camera where tenant_id = ? and terminal_id = ?",
                r -> Placement.valueOf(r.getString(1)), tenant.value(), terminal).stream().findFirst();
    }
}
