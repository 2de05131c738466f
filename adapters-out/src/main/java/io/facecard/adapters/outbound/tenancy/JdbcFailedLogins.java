package io.facecard.adapters.outbound.tenancy;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.FailedLogins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JdbcFailedLogins implements FailedLogins {
    private static final String COLUMNS = "key, tenant_id, username, failures, last_failure, locked_until";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public Optional<Counter> find(String key) {
        return Jdbc.query(em, "select " + COLUMNS + " from failed_login where key = ?", JdbcFailedLogins::counter, key)
                .stream().findFirst();
    }

    /** One statement: concurrent failures of one key each add one, and the lock survives the reset rule. */
    @Override
    public Counter recordFailure(String key, TenantId tenant, String username, Instant now, Instant forgetBefore) {
        return Jdbc.query(em, "insert into failed_login (" + COLUMNS + ") values (?, ?, ?, 1, ?, null) "
                        + "on conflict (key) do update set "
                        + "failures = case when failed_login.last_failure < ? then 1 else failed_login.failures + 1 end, "
                        + "last_failure = excluded.last_failure, tenant_id = excluded.tenant_id, username = excluded.username "
                        + "returning " + COLUMNS, JdbcFailedLogins::counter,
                key, Jdbc.uuid(tenant == null ? null : tenant.value()), Jdbc.text(username), now, forgetBefore).get(0);
    }

    @Override
    public void lockUntil(String key, Instant until) {
        Jdbc.update(em, "update failed_login set locked_until = ? where key = ?", until, key);
    }

    @Override
    public void clear(String key) {
        Jdbc.update(em, "delete from failed_login where key = ?", key);
    }

    @Override
    public List<Counter> locked(TenantId tenant, Instant now) {
        return Jdbc.query(em, "select " + COLUMNS + " from failed_login where tenant_id = ? and locked_until > ? "
                + "order by username", JdbcFailedLogins::counter, tenant.value(), now);
    }

    private static Counter counter(ResultSet r) throws SQLException {
        UUID tenant = Jdbc.uuid(r, 2);
        return new Counter(r.getString(1), tenant == null ? null : new TenantId(tenant), r.getString(3), r.getInt(4),
                Jdbc.instant(r, 5), Jdbc.instant(r, 6));
    }
}
