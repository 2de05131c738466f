package io.facecard.adapters.outbound.messaging;

import io.facecard.adapters.outbound.persistence.TenantBinding;
import io.facecard.adapters.outbound.security.EnvelopeCipher;
import io.facecard.adapters.outbound.security.SealedAccounts;
import io.facecard.application.messaging.port.MessengerAccounts;
import io.facecard.domain.messaging.Channel;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Messenger accounts in {@code messenger_account}, sealed like payment credentials. */
@ApplicationScoped
@Transactional
public class JdbcMessengerAccounts implements MessengerAccounts {
    private static final SealedAccounts ROWS = new SealedAccounts("messenger_account", "messenger_webhook");

    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;
    @Inject
    EnvelopeCipher cipher;

    @Override
    public void put(TenantId tenant, Account a) {
        ROWS.put(em, binding, cipher, tenant, new SealedAccounts.Row(a.channel().account(), a.settings(), a.secrets(), a.webhookId(),
                a.updatedAt()));
    }

    @Override
    public Optional<Account> find(TenantId tenant, Channel channel) {
        return ROWS.find(em, binding, cipher, tenant, channel.account())
                .map(r -> new Account(channel, r.settings(), r.secrets(), r.webhookId(), r.updatedAt()));
    }

    @Override
    public boolean remove(TenantId tenant, Channel channel) {
        return ROWS.remove(em, binding, tenant, channel.account());
    }

    @Override
    public Optional<TenantId> byWebhook(Channel channel, String webhookId) {
        return ROWS.byWebhook(em, channel.account(), webhookId);
    }
}
