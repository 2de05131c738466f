package io.facecard.adapters.outbound.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.adapters.outbound.security.EnvelopeCipher;
import io.facecard.application.crm.port.CrmEventType;
import io.facecard.application.crm.port.WebhookEndpoints;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Endpoints in {@code crm_endpoint}; the secrets sealed together (current and, during an overlap, previous) and bound to
 * the row, so a sealed value copied to another tenant's endpoint does not open. Each call is its own transaction when
 * the caller has none (the sender's).
 */
@ApplicationScoped
@TenantBound
@Transactional
public class JdbcWebhookEndpoints implements WebhookEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
    private static final String COLUMNS = "id, url, events, personal_data, description, status, failing_since, disabled_at, "
            + "disabled_reason, created_at, updated_at, key_id, wrapped_key, ciphertext";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    EnvelopeCipher cipher;

    @Override
    public void create(TenantId tenant, Endpoint e) {
        EnvelopeCipher.Sealed s = seal(tenant, e);
        Jdbc.update(em, "insert into crm_endpoint (id, tenant_id, url, events, personal_data, description, key_id, wrapped_key, ciphertext, "
                + "status, created_at, updated_at) values (?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?, ?, ?)", e.id(), tenant.value(),
                e.url(), events(e.events()), e.personalData(), Jdbc.text(e.description()), s.keyId(), s.wrappedKey(), s.ciphertext(),
                e.status().name(), e.createdAt(), e.updatedAt());
    }

    @Override
    public void update(TenantId tenant, Endpoint e) {
        EnvelopeCipher.Sealed s = seal(tenant, e);
        Jdbc.update(em, "update crm_endpoint set url = ?, events = string_to_array(?, ','), personal_data = ?, description = ?, key_id = ?, "
                + "wrapped_key = ?, ciphertext = ?, status = ?, failing_since = ?, disabled_at = ?, disabled_reason = ?, updated_at = ? "
                + "where tenant_id = ? and id = ?", e.url(), events(e.events()), e.personalData(), Jdbc.text(e.description()), s.keyId(),
                s.wrappedKey(), s.ciphertext(), e.status().name(), Jdbc.at(e.failingSince()), Jdbc.at(e.disabledAt()),
                Jdbc.text(e.disabledReason()), e.updatedAt(), tenant.value(), e.id());
    }

    @Override
    public List<Endpoint> list(TenantId tenant) {
        return Jdbc.query(em, "select " + COLUMNS + " from crm_endpoint where tenant_id = ? order by created_at, id", r -> row(tenant, r),
                tenant.value());
    }

    @Override
    public Optional<Endpoint> find(TenantId tenant, UUID id) {
        return Jdbc.query(em, "select " + COLUMNS + " from crm_endpoint where tenant_id = ? and id = ?", r -> row(tenant, r), tenant.value(),
                id).stream().findFirst();
    }

    @Override
    public List<UUID> subscribed(TenantId tenant, CrmEventType type, Instant occurredAt) {
        return Jdbc.query(em, "select id from crm_endpoint where tenant_id = ? and status = 'ACTIVE' and ? = any(events) and created_at <= ?",
                r -> Jdbc.uuid(r, 1), tenant.value(), type.name(), occurredAt);
    }

    @Override
    public boolean delete(TenantId tenant, UUID id) {
        return Jdbc.update(em, "delete from crm_endpoint where tenant_id = ? and id = ?", tenant.value(), id) == 1;
    }

    @Override
    public void answered(TenantId tenant, UUID id, boolean success, Instant at) {
        if (success) {
            Jdbc.update(em, "update crm_endpoint set failing_since = null where tenant_id = ? and id = ? and failing_since is not null",
                    tenant.value(), id);
        } else {
            Jdbc.update(em, "update crm_endpoint set failing_since = ? where tenant_id = ? and id = ? and failing_since is null", at,
                    tenant.value(), id);
        }
    }

    private Endpoint row(TenantId tenant, ResultSet r) throws SQLException {
        UUID id = Jdbc.uuid(r, 1);
        byte[] opened = cipher.open(new EnvelopeCipher.Sealed(r.getString(12), r.getBytes(13), r.getBytes(14)), boundTo(tenant, id));
        Map<String, String> stored = read(new String(opened, StandardCharsets.UTF_8));
        List<Secret> secrets = stored.entrySet().stream()
                .map(s -> new Secret(s.getKey(), s.getValue().isEmpty() ? null : Instant.parse(s.getValue()))).toList();
        Set<CrmEventType> events = EnumSet.noneOf(CrmEventType.class);
        Arrays.stream((String[]) r.getArray(3).getArray()).forEach(n -> events.add(CrmEventType.valueOf(n)));
        return new Endpoint(id, r.getString(2), events, r.getBoolean(4), r.getString(5), Status.valueOf(r.getString(6)),
                Jdbc.instant(r, 7), Jdbc.instant(r, 8), r.getString(9), Jdbc.instant(r, 10), Jdbc.instant(r, 11), secrets);
    }

    private EnvelopeCipher.Sealed seal(TenantId tenant, Endpoint e) {
        Map<String, String> m = new LinkedHashMap<>();
        e.secrets().forEach(s -> m.put(s.value(), s.until() == null ? "" : s.until().toString()));
        try {
            return cipher.seal(JSON.writeValueAsBytes(m), boundTo(tenant, e.id()));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    private static Map<String, String> read(String s) {
        try {
            return JSON.readValue(s, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String events(Set<CrmEventType> events) {
        return events.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static String boundTo(TenantId tenant, UUID id) {
        return "crm_endpoint:" + tenant.value() + ":" + id;
    }
}
