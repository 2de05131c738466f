package io.facecard.adapters.outbound.payment;

import io.facecard.adapters.outbound.security.SealedAccountStore;
import io.facecard.adapters.outbound.security.SealedAccounts;
import io.facecard.application.payment.port.ProviderAccounts;
import io.facecard.domain.payment.PaymentProvider;
import jakarta.enterprise.context.ApplicationScoped;

/** Provider accounts in {@code payment_provider_account}, their callbacks found through {@code payment_webhook}. */
@ApplicationScoped
public class JdbcProviderAccounts extends SealedAccountStore<PaymentProvider, ProviderAccounts.Account> implements ProviderAccounts {
    public JdbcProviderAccounts() {
        super("payment_provider_account", "payment_webhook");
    }

    @Override
    protected String kind(PaymentProvider provider) {
        return provider.name();
    }

    @Override
    protected SealedAccounts.Row row(Account a) {
        return new SealedAccounts.Row(a.provider().name(), a.settings(), a.secrets(), a.webhookId(), a.updatedAt());
    }

    @Override
    protected Account account(PaymentProvider provider, SealedAccounts.Row r) {
        return new Account(provider, r.settings(), r.secrets(), r.webhookId(), r.updatedAt());
    }
}
