package io.facecard.application.messaging.port;

import io.facecard.domain.messaging.Channel;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Port out: a tenant's messenger accounts (a WeChat official account, a Telegram bot); secrets sealed at rest by the adapter. */
public interface MessengerAccounts {
    void put(TenantId tenant, Account account);

    Optional<Account> find(TenantId tenant, Channel channel);

    boolean remove(TenantId tenant, Channel channel);

    Optional<TenantId> byWebhook(Channel channel, String webhookId);

    record Account(Channel channel, Map<String, String> settings, Map<String, String> secrets, String webhookId, Instant updatedAt) {
        public Account {
            settings = Map.copyOf(settings);
            secrets = Map.copyOf(secrets);
        }

        @Override
        public String toString() {
            return "Account[" + channel + ", settings " + settings + ", secrets " + secrets.keySet() + "]";
        }
    }
}
