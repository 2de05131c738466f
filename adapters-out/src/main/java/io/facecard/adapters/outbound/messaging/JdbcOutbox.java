package io.facecard.adapters.outbound.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.Notice;
import io.facecard.marketing.port.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The outbox in {@code outbox_message}. Queuing joins the caller's transaction; the dispatcher's
 * calls are each their own, and a claim takes due rows with {@code FOR UPDATE SKIP LOCKED}, so
 * dispatchers on several replicas never take the same message.
 */
@ApplicationScoped
public class JdbcOutbox implements Outbox {
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    @Transactional
    public boolean queue(Notice n, Instant at) {
        return Jdbc.update(em, "insert into outbox_message (id, tenant_id, member_id, type, kind, fields, key, status, next_at, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?) on conflict (tenant_id, key) do nothing", UUID.randomUUID(),
                n.tenant().value(), n.member().value(), n.type(), n.kind().name(), write(n.fields()), n.key(), at, at) == 1;
    }

    @Override
    @Transactional
    public int queueAll(List<Notice> notices, Instant at) {
        int added = 0;
        for (int from = 0; from < notices.size(); from += 500) {
            List<Notice> part = notices.subList(from, Math.min(notices.size(), from + 500));
            List<Object> params = new ArrayList<>();
            for (Notice n : part) {
                params.addAll(List.of(UUID.randomUUID(), n.tenant().value(), n.member().value(), n.type(), n.kind().name(), write(n.fields()),
                        n.key(), at, at));
            }
            added += Jdbc.update(em, "insert into outbox_message (id, tenant_id, member_id, type, kind, fields, key, status, next_at, "
                    + "created_at) values " + String.join(", ", Collections.nCopies(part.size(),
                            "(?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)")) + " on conflict (tenant_id, key) do nothing", params.toArray());
        }
        return added;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Queued> claim(Instant now, int limit, Instant leaseUntil) {
        // The tenants with queued messages, one index probe each (a skip scan), then each one's oldest due messages,
        // an equal share of the batch apiece: a tenant's backlog of 100,000 waits its turn beside another's receipt.
        return Jdbc.query(em, "with recursive tenants as ((select tenant_id from outbox_message where status = 'QUEUED' "
                        + "order by tenant_id limit 1) union all select n.tenant_id from tenants t cross join lateral (select x.tenant_id "
                        + "from outbox_message x where x.status = 'QUEUED' and x.tenant_id > t.tenant_id order by x.tenant_id limit 1) n), "
                        + "due as (select d.id from tenants t cross join lateral (select x.id from outbox_message x where x.tenant_id = t.tenant_id "
                        + "and x.status = 'QUEUED' and x.next_at <= ? order by x.next_at limit (select greatest(1, ? / count(*)) from tenants) "
                        + "for update skip locked) d) "
                        + "update outbox_message o set next_at = ?, attempts = o.attempts + 1 from due where o.id = due.id "
                        + "returning o.id, o.tenant_id, o.member_id, o.type, o.kind, o.fields, o.key, o.attempts - 1, o.mass_job",
                r -> new Queued(Jdbc.uuid(r, 1), new Notice(new TenantId(Jdbc.uuid(r, 2)), new MemberId(Jdbc.uuid(r, 3)), r.getString(4),
                        Notice.Kind.valueOf(r.getString(5)), read(r.getString(6)), r.getString(7)), r.getInt(8), r.getString(9)), now, limit,
                leaseUntil);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(UUID id, String channel, Instant at) {
        Jdbc.update(em, "update outbox_message set status = 'SENT', channel = ?, sent_at = ?, reason = null where id = ?", channel, at, id);
    }

    @Override
    @Transactional
    public int releaseHeld(TenantId tenant, Set<String> rules, Instant now) {
        List<Object> params = new ArrayList<>(List.of(now, tenant.value(), now));
        params.addAll(rules);
        return Jdbc.update(em, "update outbox_message set next_at = ? where tenant_id = ? and status = 'QUEUED' and next_at > ? and reason in ("
                + String.join(", ", Collections.nCopies(rules.size(), "?")) + ")", params.toArray());
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void retry(UUID id, Instant next, String reason) {
        Jdbc.update(em, "update outbox_message set next_at = ?, reason = ? where id = ? and status = 'QUEUED'", next, Jdbc.text(reason), id);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ended(UUID id, String status, String channel, String reason, Instant at) {
        Jdbc.update(em, "update outbox_message set status = ?, channel = ?, reason = ?, sent_at = ? where id = ?", status, Jdbc.text(channel),
                Jdbc.text(reason), at, id);
    }

    /** One transaction and one statement per kind of outcome for a whole batch. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(List<Outcome> outcomes, Instant at) {
        em.unwrap(Session.class).doWork(c -> {
            try (var ended = c.prepareStatement("update outbox_message set status = ?, channel = ?, reason = ?, sent_at = ? where id = ?");
                    var again = c.prepareStatement("update outbox_message set next_at = ?, reason = ? where id = ? and status = 'QUEUED'")) {
                for (Outcome o : outcomes) {
                    if (o.status().equals("QUEUED")) {
                        again.setTimestamp(1, Timestamp.from(o.next()));
                        again.setString(2, o.reason());
                        again.setObject(3, o.id());
                        again.addBatch();
                    } else {
                        ended.setString(1, o.status());
                        ended.setString(2, o.channel());
                        ended.setString(3, o.reason());
                        ended.setTimestamp(4, Timestamp.from(at));
                        ended.setObject(5, o.id());
                        ended.addBatch();
                    }
                }
                ended.executeBatch();
                again.executeBatch();
            }
        });
    }

    private static String write(Map<String, String> m) {
        try {
            return JsonHttp.JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(String s) {
        try {
            return JsonHttp.JSON.readValue(s, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
