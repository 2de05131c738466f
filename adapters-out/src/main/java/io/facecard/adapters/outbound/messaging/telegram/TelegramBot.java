package io.facecard.adapters.outbound.messaging.telegram;

import io.facecard.adapters.outbound.messaging.JsonHttp;
import io.facecard.application.messaging.port.Messenger;
import io.facecard.application.messaging.port.MessengerAccounts.Account;
import java.util.Map;

/** The Telegram Bot API: sendMessage (429 with retry_after, 403 when the user blocked the bot) and setWebhook with our secret token. */
public final class TelegramBot {
    private final String base;

    public TelegramBot(String base) {
        this.base = base;
    }

    public String deepLink(Account a, String token) {
        return "https://t.me/" + a.settings().get("botUsername") + "?start=" + token;
    }

    public Messenger.Sent send(Account a, String chatId, String text) {
        JsonHttp.Answer r = JsonHttp.call("POST", base + "/bot" + a.secrets().get("botToken") + "/sendMessage",
                Map.of("chat_id", chatId, "text", text));
        if (r.status() == 200 && r.body().path("ok").asBoolean()) {
            return new Messenger.Sent(Messenger.Outcome.SENT, 0, null);
        }
        if (r.status() == 429) {
            return new Messenger.Sent(Messenger.Outcome.RETRY, r.body().path("parameters").path("retry_after").asLong(1), "429");
        }
        if (r.status() == 403) {
            return new Messenger.Sent(Messenger.Outcome.BLOCKED, 0, "403");
        }
        if (r.status() == 0 || r.status() >= 500) {
            return new Messenger.Sent(Messenger.Outcome.RETRY, 2, "HTTP_" + r.status());
        }
        return new Messenger.Sent(Messenger.Outcome.REFUSED, 0, Integer.toString(r.status()));
    }

    public void setWebhook(Account a, String url) {
        JsonHttp.Answer r = JsonHttp.call("POST", base + "/bot" + a.secrets().get("botToken") + "/setWebhook",
                Map.of("url", url, "secret_token", a.secrets().get("webhookSecret")));
        if (!r.body().path("ok").asBoolean()) {
            throw new IllegalStateException("Telegram refused the webhook: " + r.status());
        }
    }
}
