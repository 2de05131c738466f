package io.facecard.adapters.outbound.messaging;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.MassJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** WeChat mass sends in {@code outbox_mass_job}; the outbox rows each stands for point at it ({@code outbox_message.mass_job}). */
@ApplicationScoped
public class JdbcMassJobs implements MassJobs {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(MassJob job, List<UUID> rows, Instant at) {
        em.unwrap(Session.class).doWork(c -> {
            try (var insert = c.prepareStatement("insert into outbox_mass_job (client_msg_id, tenant_id, openids, text, status, created_at) "
                    + "values (?, ?, ?, ?, 'PENDING', ?) on conflict do nothing");
                    var mark = c.prepareStatement("update outbox_message set mass_job = ? where id = ?")) {
                insert.setString(1, job.clientMsgId());
                insert.setObject(2, job.tenant().value());
                insert.setArray(3, c.createArrayOf("text", job.openids().toArray()));
                insert.setString(4, job.text());
                insert.setTimestamp(5, Timestamp.from(at));
                insert.executeUpdate();
                for (UUID id : rows) {
                    mark.setString(1, job.clientMsgId());
                    mark.setObject(2, id);
                    mark.addBatch();
                }
                mark.executeBatch();
            }
        });
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<MassJob> find(String clientMsgId) {
        return Jdbc.query(em, "select client_msg_id, tenant_id, openids, text, status from outbox_mass_job where client_msg_id = ?",
                r -> new MassJob(r.getString(1), new TenantId(Jdbc.uuid(r, 2)), List.of((String[]) r.getArray(3).getArray()), r.getString(4),
                        "SENT".equals(r.getString(5))), clientMsgId).stream().findFirst();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(String clientMsgId, Instant at) {
        Jdbc.update(em, "update outbox_mass_job set status = 'SENT', sent_at = ?, openids = '{}', text = '' where client_msg_id = ?", at,
                clientMsgId);
    }

}
