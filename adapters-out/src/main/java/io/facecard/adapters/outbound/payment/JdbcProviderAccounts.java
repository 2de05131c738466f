package io.facecard.adapters.outbound.payment;

import io.facecard.adapters.outbound.persistence.TenantBinding;
import io.facecard.adapters.outbound.security.EnvelopeCipher;
import io.facecard.adapters.outbound.security.SealedAccounts;
import io.facecard.application.payment.port.ProviderAccounts;
import io.facecard.domain.payment.PaymentProvider;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Provider accounts in {@code payment_provider_account}: settings as JSON, secrets sealed by {@link EnvelopeCipher}. */
@ApplicationScoped
public class JdbcProviderAccounts implements ProviderAccounts {
    private static final SealedAccounts ROWS = new SealedAccounts("payment_provider_account", "payment_webhook");

    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;
    @Inject
    EnvelopeCipher cipher;

    @Override
    public void put(TenantId tenant, Account a) {
        ROWS.put(em, binding, cipher, tenant, new SealedAccounts.Row(a.provider().name(), a.settings(), a.secrets(), a.webhookId(),
                a.updatedAt()));
    }

    @Override
    public Optional<Account> find(TenantId tenant, PaymentProvider provider) {
        return ROWS.find(em, binding, cipher, tenant, provider.name())
                .map(r -> new Account(provider, r.settings(), r.secrets(), r.webhookId(), r.updatedAt()));
    }

    @Override
    public boolean remove(TenantId tenant, PaymentProvider provider) {
        return ROWS.remove(em, binding, tenant, provider.name());
    }

    @Override
    public Optional<TenantId> byWebhook(PaymentProvider provider, String webhookId) {
        return ROWS.byWebhook(em, provider.name(), webhookId);
    }
}
