package io.facecard.application.messaging.port;

import io.facecard.application.messaging.port.MessengerAccounts.Account;
import java.util.Map;

/**
 * Port out: one messenger channel's API (WeChat official accounts, Telegram bots). The access
 * token a channel needs is the adapter's: one shared, refreshed token per account.
 */
public interface Messenger {
    /** A temporary QR code whose scan sends us {@code scene}: its ticket and the URL that shows it. */
    Qr qr(Account account, String scene, int expireSeconds);

    /** The link that opens the bot with {@code /start <token>}. */
    String deepLink(Account account, String token);

    Sent send(Account account, String to, Message message);

    /**
     * Points the channel at our callback ({@code path} on the platform's public URL): Telegram's
     * setWebhook with the account's secret token; WeChat's URL is set in its console (the sandbox's
     * fake is told here instead).
     */
    void register(Account account, String path);

    /** A WeChat event push's flat XML as its fields (read with no DTDs or external entities); empty when it is not such XML. */
    Map<String, String> wechatEvent(String xml);

    /** True when the channels are the sandbox's fakes. */
    boolean sandbox();

    /**
     * @param template a WeChat template message (service notices): its id and fields; else {@code text} is sent
     * @param marketing marketing goes to WeChat only as a customer-service message inside the member's window
     */
    record Message(String templateId, Map<String, String> fields, String text, boolean marketing) {}

    record Qr(String ticket, String url) {}

    /** SENT; RETRY after {@code retryAfterSeconds} (5xx, 429); BLOCKED (the user blocked or unfollowed); REFUSED by the channel's rule (its code). */
    record Sent(Outcome outcome, long retryAfterSeconds, String code) {}

    enum Outcome { SENT, RETRY, BLOCKED, REFUSED }
}
