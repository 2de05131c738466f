package io.facecard.adapters.outbound.persistence;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Plain JDBC on the connection of the EntityManager's transaction (so row-level security's tenant
 * binding applies), for the tables no entity maps: the ledger, checkout and idempotency tables a
 * till's call writes a dozen times. A Hibernate native query cost about four times the statement
 * itself in the server's CPU (parameter metadata, result-set mapping, and for every update a sweep
 * over all entity caches); a prepared statement from the pool's cache costs little more than the
 * driver. Nothing here goes through the persistence context, so it must not touch mapped tables.
 */
public final class Jdbc {
    /** A null of a known SQL type: PostgreSQL cannot infer the type of a bare null. */
    public record Null(int sqlType) {}

    public static final Null NO_TIME = new Null(Types.TIMESTAMP_WITH_TIMEZONE);
    public static final Null NO_TEXT = new Null(Types.VARCHAR);
    public static final Null NO_UUID = new Null(Types.OTHER);
    public static final Null NO_DOUBLE = new Null(Types.DOUBLE);

    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    private Jdbc() {}

    public static int update(EntityManager em, String sql, Object... params) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, params);
                return s.executeUpdate();
            }
        });
    }

    public static <T> List<T> query(EntityManager em, String sql, Row<T> row, Object... params) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, params);
                List<T> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(row.read(r));
                    }
                }
                return rows;
            }
        });
    }

    public static Object at(Instant value) {
        return value == null ? NO_TIME : value.atOffset(ZoneOffset.UTC);
    }

    public static Object text(String value) {
        return value == null ? NO_TEXT : value;
    }

    public static Object uuid(UUID value) {
        return value == null ? NO_UUID : value;
    }

    public static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static UUID uuid(ResultSet r, int column) throws SQLException {
        return r.getObject(column, UUID.class);
    }

    static void bind(PreparedStatement s, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int at = i + 1;
            if (p instanceof Null n) {
                s.setNull(at, n.sqlType());
            } else if (p instanceof String v) {
                s.setString(at, v);
            } else if (p instanceof Long v) {
                s.setLong(at, v);
            } else if (p instanceof Integer v) {
                s.setInt(at, v);
            } else if (p instanceof Double v) {
                s.setDouble(at, v);
            } else if (p instanceof BigDecimal v) {
                s.setBigDecimal(at, v);
            } else if (p instanceof UUID || p instanceof OffsetDateTime || p instanceof Boolean || p instanceof LocalTime
                    || p instanceof LocalDate) {
                s.setObject(at, p);
            } else if (p instanceof Instant v) {
                s.setObject(at, v.atOffset(ZoneOffset.UTC));
            } else if (p instanceof byte[] v) {
                s.setBytes(at, v);
            } else {
                throw new IllegalArgumentException("no binding for " + (p == null ? "an untyped null" : p.getClass().getName())
                        + " at parameter " + at);
            }
        }
    }
}
