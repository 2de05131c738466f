package io.facecard.adapters.outbound.instore;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.instore.port.Footfall;
import io.facecard.domain.instore.AgeBand;
import io.facecard.domain.instore.MoodShift;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The store's hour rows, grown by upserts (one statement a person, no read first). */
@ApplicationScoped
@TenantBound
public class JdbcFootfall implements Footfall {
    private static final String[] AGE_COLUMNS = {"age_under_18", "age_18_24", "age_25_34", "age_35_44", "age_45_54", "age_55_64",
        "age_65_plus"};

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public void count(TenantId tenant, UUID store, Instant hour, Person p) {
        StringBuilder columns = new StringBuilder("footfall, members, new_members");
        StringBuilder values = new StringBuilder("1, " + (p.member() ? 1 : 0) + ", " + (p.newMember() ? 1 : 0));
        StringBuilder sums = new StringBuilder("footfall = h.footfall + 1, members = h.members + excluded.members, "
                + "new_members = h.new_members + excluded.new_members");
        if (p.age() != null) {
            String gender = p.male() ? "male" : "female";
            String age = AGE_COLUMNS[p.age().ordinal()];
            columns.append(", ").append(gender).append(", ").append(age);
            values.append(", 1, 1");
            sums.append(", ").append(gender).append(" = h.").append(gender).append(" + 1, ").append(age).append(" = h.").append(age).append(" + 1");
        }
        boolean mood = !Double.isNaN(p.mood());
        if (mood) {
            columns.append(", mood_n, mood_sum");
            values.append(", 1, ?");
            sums.append(", mood_n = h.mood_n + 1, mood_sum = h.mood_sum + excluded.mood_sum");
        }
        String sql = "insert into instore_hour as h (tenant_id, store_id, hour, " + columns + ") values (?, ?, ?, " + values
                + ") on conflict (tenant_id, store_id, hour) do update set " + sums;
        if (mood) {
            Jdbc.update(em, sql, tenant.value(), store, hour, p.mood());
        } else {
            Jdbc.update(em, sql, tenant.value(), store, hour);
        }
    }

    @Override
    public void shift(TenantId tenant, UUID store, Instant hour, MoodShift s) {
        Jdbc.update(em, "insert into instore_hour as h (tenant_id, store_id, hour, shift_n, shift_sum, shift_squares) values (?, ?, ?, ?, ?, ?) "
                + "on conflict (tenant_id, store_id, hour) do update set shift_n = h.shift_n + excluded.shift_n, "
                + "shift_sum = h.shift_sum + excluded.shift_sum, shift_squares = h.shift_squares + excluded.shift_squares",
                tenant.value(), store, hour, (int) s.n(), s.sum(), s.sumOfSquares());
    }

    @Override
    public List<Hour> between(TenantId tenant, UUID store, Instant from, Instant to) {
        String where = store == null ? "tenant_id = ? and hour >= ? and hour < ?" : "tenant_id = ? and store_id = ? and hour >= ? and hour < ?";
        Object[] params = store == null ? new Object[] {tenant.value(), from, to} : new Object[] {tenant.value(), store, from, to};
        return Jdbc.query(em, "select hour, sum(footfall), sum(members), sum(new_members), sum(male), sum(female), "
                + String.join(", ", java.util.Arrays.stream(AGE_COLUMNS).map(c -> "sum(" + c + ")").toList())
                + ", sum(mood_n), sum(mood_sum), sum(shift_n), sum(shift_sum), sum(shift_squares) from instore_hour where " + where
                + " group by hour order by hour", r -> {
                    long[] ages = new long[AgeBand.values().length];
                    for (int i = 0; i < ages.length; i++) {
                        ages[i] = r.getLong(7 + i);
                    }
                    return new Hour(Jdbc.instant(r, 1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), ages,
                            r.getLong(14), r.getDouble(15), new MoodShift(r.getLong(16), r.getDouble(17), r.getDouble(18)));
                }, params);
    }
}
