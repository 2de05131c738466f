package io.facecard.adapters.out.persistence;

import jakarta.persistence.Query;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/** Typed binding for native queries: a null needs its type, or PostgreSQL cannot tell what it is. */
public final class Sql {
    private Sql() {}

    @SuppressWarnings("unchecked")
    public static Query instant(Query q, int position, Instant value) {
        q.unwrap(NativeQuery.class).setParameter(position, value, StandardBasicTypes.INSTANT);
        return q;
    }

    @SuppressWarnings("unchecked")
    public static Query uuid(Query q, int position, UUID value) {
        q.unwrap(NativeQuery.class).setParameter(position, value, StandardBasicTypes.UUID);
        return q;
    }

    @SuppressWarnings("unchecked")
    public static Query text(Query q, int position, String value) {
        q.unwrap(NativeQuery.class).setParameter(position, value, StandardBasicTypes.STRING);
        return q;
    }
}
