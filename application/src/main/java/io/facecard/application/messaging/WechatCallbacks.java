package io.facecard.application.messaging;

import io.facecard.application.messaging.port.ChannelBindings;
import io.facecard.application.messaging.port.Messenger;
import io.facecard.application.messaging.port.MessengerAccounts;
import io.facecard.domain.messaging.Channel;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Believes an official account's push only in safe mode: the timestamp is within five minutes of
 * ours, the nonce has not been seen in that time for the account, {@code msg_signature} covers the
 * token, timestamp, nonce and ciphertext, and the ciphertext opens under the account's
 * EncodingAESKey to a message addressed to its appid. A captured signature therefore carries no
 * other body, and neither it nor its body can be replayed, even though WeChat puts it in the URL.
 * Plain-mode pushes are refused: their signature does not cover the body.
 */
@ApplicationScoped
@Transactional
public class WechatCallbacks {
    static final Duration WINDOW = Duration.ofMinutes(5);

    /** The query WeChat signs a callback with. */
    public record Query(String signature, String timestamp, String nonce, String encryptType, String msgSignature) {}

    /** A believed push: whose account it reached, and the event's XML. */
    public record Push(TenantId tenant, String xml) {}

    private record Account(TenantId tenant, String token, String aesKey, String appid) {}

    private MessengerAccounts accounts;
    private ChannelBindings bindings;
    private Messenger messenger;
    private Clock clock;

    protected WechatCallbacks() {}

    @Inject
    public WechatCallbacks(MessengerAccounts accounts, ChannelBindings bindings, Messenger messenger, Clock clock) {
        this.accounts = accounts;
        this.bindings = bindings;
        this.messenger = messenger;
        this.clock = clock;
    }

    /** WeChat's check of the callback URL when it is entered in the console: a plain signature, an echo, no body. */
    public Optional<TenantId> verifyUrl(String webhookId, Query q) {
        return account(webhookId, q).filter(a -> WechatSafeMode.sameSignature(WechatSafeMode.signature(a.token(), q.timestamp(), q.nonce()),
                q.signature())).map(Account::tenant);
    }

    public Optional<Push> open(String webhookId, Query q, String body) {
        Optional<Account> found = account(webhookId, q);
        if (found.isEmpty() || !"aes".equals(q.encryptType()) || q.msgSignature() == null || found.get().aesKey() == null) {
            return Optional.empty();
        }
        Account a = found.get();
        String encrypted = messenger.wechatEvent(body).get("Encrypt");
        if (encrypted == null || !WechatSafeMode.sameSignature(WechatSafeMode.signature(a.token(), q.timestamp(), q.nonce(), encrypted),
                q.msgSignature())) {
            return Optional.empty();
        }
        Optional<String> xml = WechatSafeMode.open(a.aesKey(), a.appid(), encrypted);
        // The nonce is spent only by a push that verified: a forger cannot use up a real push's nonce.
        if (xml.isEmpty() || !bindings.firstCallback(Channel.WECHAT, "nonce:" + webhookId + ":" + q.timestamp() + ":" + q.nonce(),
                clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Push(a.tenant(), xml.get()));
    }

    private Optional<Account> account(String webhookId, Query q) {
        if (webhookId == null || q.timestamp() == null || q.nonce() == null || q.nonce().length() > 64 || !fresh(q.timestamp())) {
            return Optional.empty();
        }
        return accounts.byWebhook(Channel.WECHAT, webhookId).flatMap(tenant -> accounts.find(tenant, Channel.WECHAT)
                .filter(a -> a.secrets().get("token") != null)
                .map(a -> new Account(tenant, a.secrets().get("token"), a.secrets().get("aesKey"), a.settings().get("appid"))));
    }

    private boolean fresh(String timestamp) {
        try {
            long seconds = Long.parseLong(timestamp);
            return Math.abs(clock.instant().getEpochSecond() - seconds) <= WINDOW.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
