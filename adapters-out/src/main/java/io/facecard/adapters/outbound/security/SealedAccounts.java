package io.facecard.adapters.outbound.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBinding;
import io.facecard.domain.tenancy.TenantId;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's accounts at outside services (payment providers, messengers) in one table each:
 * settings as JSON, secrets sealed by {@link EnvelopeCipher} and bound to their row (a copied row
 * does not open), and a lookup table from the opaque webhook id to the tenant, which has no
 * row-level security because a callback arrives before any tenant is known (ids only).
 */
public final class SealedAccounts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    /** One account as stored; {@code kind} is the provider or channel. */
    public record Row(String kind, Map<String, String> settings, Map<String, String> secrets, String webhookId, Instant updatedAt) {}

    private final String table;
    private final String webhooks;

    /** @param table the accounts' table; {@code webhooks} the id lookup's (columns webhook_id, provider, tenant_id) */
    public SealedAccounts(String table, String webhooks) {
        this.table = table;
        this.webhooks = webhooks;
    }

    public void put(EntityManager em, TenantBinding binding, EnvelopeCipher cipher, TenantId tenant, Row a) {
        binding.bind(em, tenant);
        EnvelopeCipher.Sealed sealed = cipher.seal(write(a.secrets()).getBytes(StandardCharsets.UTF_8), row(tenant, a.kind()));
        Jdbc.update(em, "insert into " + table + " (tenant_id, provider, settings, key_id, wrapped_key, secrets, webhook_id, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, provider) do update set settings = excluded.settings, "
                        + "key_id = excluded.key_id, wrapped_key = excluded.wrapped_key, secrets = excluded.secrets, updated_at = excluded.updated_at",
                tenant.value(), a.kind(), write(a.settings()), sealed.keyId(), sealed.wrappedKey(), sealed.ciphertext(), a.webhookId(),
                a.updatedAt());
        Jdbc.update(em, "insert into " + webhooks + " (webhook_id, provider, tenant_id) values (?, ?, ?) on conflict (webhook_id) do nothing",
                a.webhookId(), a.kind(), tenant.value());
    }

    public Optional<Row> find(EntityManager em, TenantBinding binding, EnvelopeCipher cipher, TenantId tenant, String kind) {
        binding.bind(em, tenant);
        return Jdbc.query(em, "select settings, key_id, wrapped_key, secrets, webhook_id, updated_at from " + table
                + " where tenant_id = ? and provider = ?", r -> {
                    byte[] secrets = cipher.open(new EnvelopeCipher.Sealed(r.getString(2), r.getBytes(3), r.getBytes(4)), row(tenant, kind));
                    return new Row(kind, read(r.getString(1)), read(new String(secrets, StandardCharsets.UTF_8)), r.getString(5),
                            Jdbc.instant(r, 6));
                }, tenant.value(), kind).stream().findFirst();
    }

    public boolean remove(EntityManager em, TenantBinding binding, TenantId tenant, String kind) {
        binding.bind(em, tenant);
        Jdbc.update(em, "delete from " + webhooks + " where tenant_id = ? and provider = ?", tenant.value(), kind);
        return Jdbc.update(em, "delete from " + table + " where tenant_id = ? and provider = ?", tenant.value(), kind) > 0;
    }

    public Optional<TenantId> byWebhook(EntityManager em, String kind, String webhookId) {
        return Jdbc.query(em, "select tenant_id from " + webhooks + " where webhook_id = ? and provider = ?",
                r -> new TenantId(Jdbc.uuid(r, 1)), webhookId, kind).stream().findFirst();
    }

    /** What a sealed value is bound to: it opens only in its own row. */
    private String row(TenantId tenant, String kind) {
        return table + ":" + tenant.value() + ":" + kind;
    }

    private static String write(Map<String, String> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
