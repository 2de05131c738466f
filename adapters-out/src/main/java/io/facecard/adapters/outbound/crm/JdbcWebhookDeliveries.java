package io.facecard.adapters.outbound.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.application.crm.port.CrmEventType;
import io.facecard.application.crm.port.CrmEvents;
import io.facecard.application.crm.port.WebhookDeliveries;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Deliveries in {@code crm_delivery}, read across tenants by the sender (every statement names its tenant where a tenant
 * asks). Queuing joins the caller's transaction; the sender's claim and answers are each their own.
 */
@ApplicationScoped
public class JdbcWebhookDeliveries implements WebhookDeliveries {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final String LOGGED = "id, type, member_id, occurred_at, status, attempts, created_at, next_at, last_attempt_at, "
            + "last_status, last_answer, last_error, delivered_at";
    /** What a receiver answered is kept only this long: enough to see why it refused, never a whole page. */
    static final int ANSWER_KEPT = 500;

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    @Transactional
    public List<UUID> queue(TenantId tenant, List<UUID> endpoints, CrmEvents.Happening h, Instant at) {
        List<UUID> added = new ArrayList<>();
        String data = write(h.data());
        for (UUID endpoint : endpoints) {
            UUID id = UUID.randomUUID();
            UUID order = h.member() == null ? id : h.member().value();
            added.addAll(Jdbc.query(em, "insert into crm_delivery (id, tenant_id, endpoint_id, source_key, type, member_id, order_key, data, "
                            + "occurred_at, created_at, window_start, status, next_at) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, "
                            + "'PENDING', ?) on conflict (endpoint_id, source_key) do nothing returning id", r -> Jdbc.uuid(r, 1), id,
                    tenant.value(), endpoint, h.sourceKey(), h.type().name(), h.member() == null ? Jdbc.NO_UUID : h.member().value(), order,
                    data, h.occurredAt(), at, at, at));
        }
        return added;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Due> claim(Instant now, int limit, Instant leaseUntil) {
        // Only the oldest unfinished delivery of each member at each endpoint is eligible: the next waits for its answer.
        // Asked per candidate as "is mine the lowest seq of my member's unfinished ones" (an index-only probe each), in
        // the due index's order so the scan stops at the batch: an anti-join here was planned as a nested loop over the
        // whole backlog whenever the statistics lagged behind a burst (1.6 s a claim at 3,000 pending, measured).
        return Jdbc.query(em, "with due as (select d.id from crm_delivery d where d.status = 'PENDING' and d.next_at <= ? and d.seq = "
                        + "(select min(p.seq) from crm_delivery p where p.endpoint_id = d.endpoint_id and p.order_key = d.order_key "
                        + "and p.status in ('PENDING', 'PAUSED')) order by d.next_at limit ? for update skip locked) "
                        // A delivery's window (a day of retries) starts at its first attempt, not when it was queued.
                        + "update crm_delivery c set next_at = ?, attempts = c.attempts + 1, window_start = case when c.attempts = 0 "
                        + "then ? else c.window_start end from due where c.id = due.id "
                        + "returning c.id, c.tenant_id, c.endpoint_id, c.type, c.member_id, c.occurred_at, c.data, c.attempts - 1, c.window_start",
                r -> new Due(Jdbc.uuid(r, 1), new TenantId(Jdbc.uuid(r, 2)), Jdbc.uuid(r, 3), CrmEventType.valueOf(r.getString(4)),
                        member(r, 5), Jdbc.instant(r, 6), read(r.getString(7)), r.getInt(8), Jdbc.instant(r, 9)),
                now, limit, leaseUntil, now);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void attempted(UUID id, Status status, Instant next, Integer httpStatus, String answer, String error, Instant at) {
        Jdbc.update(em, "update crm_delivery set status = ?, next_at = coalesce(?, next_at), last_status = ?, last_answer = ?, last_error = ?, "
                        + "last_attempt_at = coalesce(?, last_attempt_at), delivered_at = case when ? = 'DELIVERED' then ? else delivered_at end "
                        + "where id = ?", status.name(), Jdbc.at(next), httpStatus == null ? new Jdbc.Null(java.sql.Types.INTEGER) : httpStatus,
                Jdbc.text(clip(answer)), Jdbc.text(clip(error)), Jdbc.at(at), status.name(), Jdbc.at(at), id);
    }

    @Override
    @Transactional
    public List<Logged> log(TenantId tenant, UUID endpoint, Status status, int limit) {
        return Jdbc.query(em, "select " + LOGGED + " from crm_delivery where tenant_id = ? and endpoint_id = ? and (?::text is null or status = ?) "
                + "order by seq desc limit ?", JdbcWebhookDeliveries::logged, tenant.value(), endpoint, Jdbc.text(name(status)),
                Jdbc.text(name(status)), limit);
    }

    @Override
    @Transactional
    public Optional<Logged> find(TenantId tenant, UUID endpoint, UUID id) {
        return Jdbc.query(em, "select " + LOGGED + " from crm_delivery where tenant_id = ? and endpoint_id = ? and id = ?",
                JdbcWebhookDeliveries::logged, tenant.value(), endpoint, id).stream().findFirst();
    }

    @Override
    @Transactional
    public boolean replay(TenantId tenant, UUID endpoint, UUID id, Instant now) {
        return Jdbc.update(em, "update crm_delivery set status = 'PENDING', attempts = 0, next_at = ?, window_start = ?, seq = nextval("
                + "pg_get_serial_sequence('crm_delivery', 'seq')) where tenant_id = ? and endpoint_id = ? and id = ? "
                + "and status in ('DELIVERED', 'FAILED')", now, now, tenant.value(), endpoint, id) == 1;
    }

    @Override
    @Transactional
    public int pause(TenantId tenant, UUID endpoint) {
        return Jdbc.update(em, "update crm_delivery set status = 'PAUSED' where tenant_id = ? and endpoint_id = ? and status = 'PENDING'",
                tenant.value(), endpoint);
    }

    @Override
    @Transactional
    public int resume(TenantId tenant, UUID endpoint, Instant now) {
        return Jdbc.update(em, "update crm_delivery set status = 'PENDING', attempts = 0, next_at = ?, window_start = ? where tenant_id = ? "
                + "and endpoint_id = ? and status = 'PAUSED'", now, now, tenant.value(), endpoint);
    }

    @Override
    @Transactional
    public Map<Status, Long> counts(TenantId tenant, UUID endpoint) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        Jdbc.query(em, "select status, count(*) from crm_delivery where tenant_id = ? and endpoint_id = ? group by status",
                r -> counts.put(Status.valueOf(r.getString(1)), r.getLong(2)), tenant.value(), endpoint);
        return counts;
    }

    private static Logged logged(ResultSet r) throws SQLException {
        int status = r.getInt(10);
        Integer last = r.wasNull() ? null : status;
        return new Logged(Jdbc.uuid(r, 1), CrmEventType.valueOf(r.getString(2)), member(r, 3), Jdbc.instant(r, 4),
                Status.valueOf(r.getString(5)), r.getInt(6), Jdbc.instant(r, 7), Jdbc.instant(r, 8), Jdbc.instant(r, 9), last,
                r.getString(11), r.getString(12), Jdbc.instant(r, 13));
    }

    private static MemberId member(ResultSet r, int column) throws SQLException {
        UUID id = Jdbc.uuid(r, column);
        return id == null ? null : new MemberId(id);
    }

    private static String name(Status s) {
        return s == null ? null : s.name();
    }

    private static String clip(String s) {
        return s == null || s.length() <= ANSWER_KEPT ? s : s.substring(0, ANSWER_KEPT);
    }

    static String write(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> read(String s) {
        try {
            return JSON.readValue(s, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
