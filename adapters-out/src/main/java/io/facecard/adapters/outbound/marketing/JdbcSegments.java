package io.facecard.adapters.outbound.marketing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.SegmentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Segments in {@code segment}: the tree as JSON text, the segments it names as an array (for "in use"). */
@ApplicationScoped
@Transactional
@TenantBound
public class JdbcSegments implements SegmentStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, name, condition, refers_to, created_at, updated_at";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public void save(TenantId tenant, Segment s) {
        String refers = "{" + String.join(",", s.refersTo().stream().map(UUID::toString).toList()) + "}";
        Jdbc.update(em, "insert into segment (id, tenant_id, name, condition, refers_to, created_at, updated_at) values (?, ?, ?, ?, "
                + "?::uuid[], ?, ?) on conflict (id) do update set name = excluded.name, condition = excluded.condition, "
                + "refers_to = excluded.refers_to, updated_at = excluded.updated_at", s.id(), tenant.value(), s.name(), write(s.condition()),
                refers, s.createdAt(), s.updatedAt());
    }

    @Override
    public Optional<Segment> find(TenantId tenant, UUID id) {
        return Jdbc.query(em, "select " + COLUMNS + " from segment where tenant_id = ? and id = ?", JdbcSegments::row, tenant.value(), id)
                .stream().findFirst();
    }

    @Override
    public List<Segment> list(TenantId tenant) {
        return Jdbc.query(em, "select " + COLUMNS + " from segment where tenant_id = ? order by created_at, id", JdbcSegments::row,
                tenant.value());
    }

    @Override
    public boolean delete(TenantId tenant, UUID id) {
        return Jdbc.update(em, "delete from segment where tenant_id = ? and id = ?", tenant.value(), id) == 1;
    }

    @Override
    public List<UUID> referrers(TenantId tenant, UUID id) {
        return Jdbc.query(em, "select id from segment where tenant_id = ? and ? = any(refers_to) order by id", r -> Jdbc.uuid(r, 1),
                tenant.value(), id);
    }

    private static Segment row(ResultSet r) throws SQLException {
        Set<UUID> refers = new HashSet<>();
        for (Object o : (Object[]) r.getArray(4).getArray()) {
            refers.add((UUID) o);
        }
        return new Segment(Jdbc.uuid(r, 1), r.getString(2), read(r.getString(3)), refers, Jdbc.instant(r, 5), Jdbc.instant(r, 6));
    }

    static String write(Map<String, Object> tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("segment holds what it cannot read", e);
        }
    }
}
