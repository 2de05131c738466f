package io.facecard.adapters.outbound.security;

import io.facecard.adapters.outbound.persistence.TenantBinding;
import io.facecard.domain.tenancy.TenantId;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * A store of a tenant's accounts at an outside service (a payment provider, a messenger), one per kind: settings as
 * JSON, secrets sealed by {@link EnvelopeCipher}, an opaque webhook id that finds the tenant of a callback. A context's
 * adapter says only which table, how its kind is named and how its account maps to a {@link SealedAccounts.Row}.
 *
 * @param <K> the kind of account (a provider, a channel)
 * @param <A> the context's account record
 */
public abstract class SealedAccountStore<K, A> {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;
    @Inject
    EnvelopeCipher cipher;

    private final SealedAccounts rows;

    protected SealedAccountStore(String table, String webhooks) {
        this.rows = new SealedAccounts(table, webhooks);
    }

    protected abstract String kind(K kind);

    protected abstract SealedAccounts.Row row(A account);

    protected abstract A account(K kind, SealedAccounts.Row row);

    public void put(TenantId tenant, A account) {
        rows.put(em, binding, cipher, tenant, row(account));
    }

    public Optional<A> find(TenantId tenant, K kind) {
        return rows.find(em, binding, cipher, tenant, kind(kind)).map(r -> account(kind, r));
    }

    public boolean remove(TenantId tenant, K kind) {
        return rows.remove(em, binding, tenant, kind(kind));
    }

    public Optional<TenantId> byWebhook(K kind, String webhookId) {
        return rows.byWebhook(em, kind(kind), webhookId);
    }
}
