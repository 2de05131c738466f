package io.facecard.adapters.outbound.messaging;

import io.facecard.adapters.outbound.security.SealedAccountStore;
import io.facecard.adapters.outbound.security.SealedAccounts;
import io.facecard.application.messaging.port.MessengerAccounts;
import io.facecard.domain.messaging.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Messenger accounts in {@code messenger_account}, their callbacks found through {@code messenger_webhook}. */
@ApplicationScoped
@Transactional
public class JdbcMessengerAccounts extends SealedAccountStore<Channel, MessengerAccounts.Account> implements MessengerAccounts {
    public JdbcMessengerAccounts() {
        super("messenger_account", "messenger_webhook");
    }

    @Override
    protected String kind(Channel channel) {
        return channel.account();
    }

    @Override
    protected SealedAccounts.Row row(Account a) {
        return new SealedAccounts.Row(a.channel().account(), a.settings(), a.secrets(), a.webhookId(), a.updatedAt());
    }

    @Override
    protected Account account(Channel channel, SealedAccounts.Row r) {
        return new Account(channel, r.settings(), r.secrets(), r.webhookId(), r.updatedAt());
    }
}
