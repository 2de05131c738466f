package io.facecard.adapters.out.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecard.adapters.out.persistence.Jdbc;
import io.facecard.adapters.out.persistence.TenantBinding;
import io.facecard.adapters.out.security.EnvelopeCipher;
import io.facecard.application.payment.port.ProviderAccounts;
import io.facecard.domain.payment.PaymentProvider;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Provider accounts in {@code payment_provider_account}: settings as JSON, secrets sealed by {@link EnvelopeCipher}. */
@ApplicationScoped
public class JdbcProviderAccounts implements ProviderAccounts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;
    @Inject
    EnvelopeCipher cipher;

    @Override
    public void put(TenantId tenant, Account a) {
        binding.bind(em, tenant);
        EnvelopeCipher.Sealed sealed = cipher.seal(write(a.secrets()).getBytes(StandardCharsets.UTF_8), row(tenant, a.provider()));
        Jdbc.update(em, "insert into payment_provider_account (tenant_id, provider, settings, key_id, wrapped_key, secrets, webhook_id, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, provider) do update set settings = excluded.settings, "
                        + "key_id = excluded.key_id, wrapped_key = excluded.wrapped_key, secrets = excluded.secrets, updated_at = excluded.updated_at",
                tenant.value(), a.provider().name(), write(a.settings()), sealed.keyId(), sealed.wrappedKey(), sealed.ciphertext(),
                a.webhookId(), a.updatedAt());
        Jdbc.update(em, "insert into payment_webhook (webhook_id, provider, tenant_id) values (?, ?, ?) on conflict (webhook_id) do nothing",
                a.webhookId(), a.provider().name(), tenant.value());
    }

    @Override
    public Optional<TenantId> byWebhook(PaymentProvider provider, String webhookId) {
        return Jdbc.query(em, "select tenant_id from payment_webhook where webhook_id = ? and provider = ?",
                r -> new TenantId(Jdbc.uuid(r, 1)), webhookId, provider.name()).stream().findFirst();
    }

    @Override
    public Optional<Account> find(TenantId tenant, PaymentProvider provider) {
        binding.bind(em, tenant);
        return Jdbc.query(em, "select settings, key_id, wrapped_key, secrets, webhook_id, updated_at from payment_provider_account "
                + "where tenant_id = ? and provider = ?", r -> {
                    byte[] secrets = cipher.open(new EnvelopeCipher.Sealed(r.getString(2), r.getBytes(3), r.getBytes(4)), row(tenant, provider));
                    return new Account(provider, read(r.getString(1)), read(new String(secrets, StandardCharsets.UTF_8)),
                            r.getString(5), Jdbc.instant(r, 6));
                }, tenant.value(), provider.name()).stream().findFirst();
    }

    @Override
    public boolean remove(TenantId tenant, PaymentProvider provider) {
        binding.bind(em, tenant);
        Jdbc.update(em, "delete from payment_webhook where tenant_id = ? and provider = ?", tenant.value(), provider.name());
        return Jdbc.update(em, "delete from payment_provider_account where tenant_id = ? and provider = ?", tenant.value(), provider.name()) > 0;
    }

    /** What a sealed value is bound to: it opens only in its own row. */
    private static String row(TenantId tenant, PaymentProvider provider) {
        return "payment_provider_account:" + tenant.value() + ":" + provider.name();
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
