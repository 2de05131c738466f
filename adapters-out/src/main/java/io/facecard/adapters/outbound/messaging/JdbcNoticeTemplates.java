package io.facecard.adapters.outbound.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecard.adapters.outbound.axon.AxonWiring;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.NoticeTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** A tenant's notice templates in {@code notice_template}, one JSON body per kind and channel. */
@ApplicationScoped
@Transactional
@TenantBound
public class JdbcNoticeTemplates implements NoticeTemplates {
    private static final ObjectMapper JSON = AxonWiring.objectMapper();

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public Optional<Template> find(TenantId tenant, String kind, String channel) {
        return Jdbc.query(em, "select body from notice_template where tenant_id = ? and kind = ? and channel = ?", r -> r.getString(1),
                tenant.value(), kind, channel).stream().findFirst().map(JdbcNoticeTemplates::read);
    }

    @Override
    public void save(TenantId tenant, String kind, String channel, Template t, Instant at) {
        String body;
        try {
            body = JSON.writeValueAsString(t);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Jdbc.update(em, "insert into notice_template (tenant_id, kind, channel, body, updated_at) values (?, ?, ?, ?, ?) "
                + "on conflict (tenant_id, kind, channel) do update set body = excluded.body, updated_at = excluded.updated_at",
                tenant.value(), kind, channel, body, Jdbc.at(at));
    }

    private static Template read(String body) {
        try {
            return JSON.readValue(body, Template.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notice_template holds what it cannot read", e);
        }
    }
}
