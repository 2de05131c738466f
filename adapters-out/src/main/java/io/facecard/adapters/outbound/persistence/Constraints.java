package io.facecard.adapters.outbound.persistence;

import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.refusal.Rule;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/** Turns a unique-constraint violation at flush time into the conflict the client should see. */
public final class Constraints {
    private Constraints() {}

    public static void flushUnique(EntityManager em, Rule rule, String detail) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new Refusal(rule, detail);
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        return hasSqlState(e, "23505");
    }

    /** Whether the failure, or one of its causes, is a database error of that SQLSTATE. */
    public static boolean hasSqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
