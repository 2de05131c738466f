package io.facecard.adapters.inbound.http;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means the database cannot be reached right now (down, restarting, refusing
 * connections, or the pool gave no connection in time). Such a call changed nothing: the client is
 * told to retry with the same idempotency key (503 with Retry-After), not that we failed (500).
 */
final class DatabaseUnavailable {
    /** SQLSTATEs of PostgreSQL that mean "not now": shutting down, starting, too many connections. */
    private static final Set<String> NOT_NOW = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {}

    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true; // includes the container pool's wait timeout
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || NOT_NOW.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
