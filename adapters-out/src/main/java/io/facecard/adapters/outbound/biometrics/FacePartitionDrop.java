package io.facecard.adapters.outbound.biometrics;

import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.TenantErasureHook;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Removes a leaving tenant's face-template partition without stalling other tenants' tills.
 * {@code DETACH PARTITION … CONCURRENTLY} takes SHARE UPDATE EXCLUSIVE on face_template (no read or
 * write waits behind it), waits for the transactions that use the table, and only then locks the
 * partition itself. It refuses to run inside a transaction block, hence the non-JTA DataSource in
 * autocommit. Every lock request waits at most 50 ms: a till whose generic plan locks every
 * partition then queues behind the request for no longer than that. An attempt cut short leaves the
 * partition "detach pending", which the next attempt finishes with {@code FINALIZE}.
 */
@ApplicationScoped
public class FacePartitionDrop implements TenantErasureHook {
    private static final Logger LOG = Logger.getLogger(FacePartitionDrop.class.getName());
    private static final int ATTEMPTS = 10;

    @Resource(lookup = "jdbc/facecardMigrations")
    DataSource direct;

    @Override
    public int order() {
        return TENANT_TABLES;
    }

    @Override
    public Progress eraseSome(TenantId tenant) {
        return drop(tenant) ? Progress.DONE : Progress.BUSY;
    }

    /** @return true once the partition is gone; false while face_template was too busy (try again later) */
    public boolean drop(TenantId tenant) {
        String partition = partitionOf(tenant);
        try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("set lock_timeout = '50ms'");
            try {
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    Optional<Boolean> pending = detachPending(c, partition);
                    if (pending.isEmpty()) {
                        s.execute("drop table if exists " + partition);
                        return true;
                    }
                    try {
                        s.execute("alter table face_template detach partition " + partition
                                + (pending.get() ? " finalize" : " concurrently"));
                    } catch (SQLException e) {
                        if (!"55P03".equals(e.getSQLState())) {
                            throw e;
                        }
                        pause(attempt);
                    }
                }
                LOG.info("face partition " + partition + " is still attached: face_template was busy, retried later");
                return false;
            } finally {
                s.execute("reset lock_timeout");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dropping face partition " + partition + ": " + e.getMessage(), e);
        }
    }

    /** The name facecard_face_partition (Flyway V7) gives a tenant's partition. */
    static String partitionOf(TenantId tenant) {
        return "face_template_" + tenant.value().toString().replace("-", "");
    }

    /** Empty when the partition is not attached (any more); else whether a detach of it is pending. */
    private static Optional<Boolean> detachPending(Connection c, String partition) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select i.inhdetachpending from pg_inherits i join pg_class p on p.oid = i.inhrelid "
                + "where i.inhparent = 'face_template'::regclass and p.relname = ?")) {
            q.setString(1, partition);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getBoolean(1)) : Optional.empty();
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
