package io.facecard.application.payment.port;

import io.facecard.domain.payment.PaymentProvider;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Port out: a tenant's account at each payment provider. {@code secrets} cross this port in the
 * clear and only here: the adapter seals them before they reach the database and opens them when
 * read; nothing else stores, logs or sends them.
 */
public interface ProviderAccounts {
    void put(TenantId tenant, Account account);

    Optional<Account> find(TenantId tenant, PaymentProvider provider);

    boolean remove(TenantId tenant, PaymentProvider provider);

    /** Whose account an opaque webhook id is (no tenant is bound yet: a notification names only this id). */
    Optional<TenantId> byWebhook(PaymentProvider provider, String webhookId);

    /**
     * @param settings what identifies the tenant at the provider (sub-merchant, connected account): not secret
     * @param secrets tokens the provider issued to the tenant (Alipay's app_auth_token)
     * @param webhookId the opaque id in the provider's notification URL for this account
     */
    record Account(PaymentProvider provider, Map<String, String> settings, Map<String, String> secrets, String webhookId,
            Instant updatedAt) {
        public Account {
            settings = Map.copyOf(settings);
            secrets = Map.copyOf(secrets);
        }

        /** Never the secrets' values, so an account in a log line or an exception leaks nothing. */
        @Override
        public String toString() {
            return "Account[" + provider + ", settings " + settings + ", secrets " + secrets.keySet() + "]";
        }
    }
}
