package io.facecard.application.messaging;

import io.facecard.application.membership.port.MemberAccess;
import io.facecard.application.messaging.port.ChannelSandbox;
import io.facecard.application.messaging.port.Messenger;
import io.facecard.application.messaging.port.MessengerAccounts;
import io.facecard.application.problem.Validation;
import io.facecard.application.security.Caller;
import io.facecard.domain.messaging.Channel;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** The sandbox contract for messengers: a phone scanning, a user starting the bot, what a fake received, its clock. 404 when live. */
@ApplicationScoped
public class SandboxChannels {
    private ChannelSandbox fakes;
    private Messenger messenger;
    private MessengerAccounts accounts;

    protected SandboxChannels() {}

    @Inject
    public SandboxChannels(ChannelSandbox fakes, Messenger messenger, MessengerAccounts accounts) {
        this.accounts = accounts;
        this.fakes = fakes;
        this.messenger = messenger;
    }

    private void requireSandbox(Caller caller) {
        MemberAccess.PERMIT.tenantOf(caller);
        if (!messenger.sandbox()) {
            throw Refusal.notFound("this path");
        }
    }

    /** A phone scans the caller's own official account's QR: another tenant's ticket is unknown here, as in live mode. */
    public Map<String, Object> scan(Caller caller, String ticket, String openid) {
        requireSandbox(caller);
        Map<String, Object> done = fakes.wechatScan(appid(caller), Validation.requiredText(ticket, "ticket", 200),
                Validation.requiredText(openid, "openid", 128));
        if (Integer.valueOf(404).equals(done.get("status"))) {
            throw Refusal.notFound("a live QR ticket of this tenant's official account");
        }
        return done;
    }

    public Map<String, Object> wechatMessage(Caller caller, String openid, String text) {
        requireSandbox(caller);
        String appid = appid(caller);
        Map<String, Object> done = fakes.wechatMessage(appid, Validation.requiredText(openid, "openid", 128), text == null ? "hi"
                : Validation.requiredText(text, "text", 600));
        if (Integer.valueOf(404).equals(done.get("status"))) {
            throw Refusal.notFound("follower " + openid + " of this tenant's official account");
        }
        return done;
    }

    public Map<String, Object> start(Caller caller, String token, String chatId) {
        requireSandbox(caller);
        String bot = accounts.find(MemberAccess.PERMIT.tenantOf(caller), Channel.TELEGRAM)
                .map(a -> a.secrets().get("botToken")).orElseThrow(() -> Refusal.notFound("TELEGRAM account"));
        String chat = Validation.requiredText(chatId, "chatId", 20);
        if (!chat.matches("[0-9]{1,15}")) {
            throw Refusal.invalid("'chatId' must be a Telegram chat id (digits)");
        }
        return fakes.telegramStart(bot, Validation.requiredText(token, "token", 64), chat);
    }

    /** What the caller's own account sent (to one recipient, or to everyone), newest first: never another tenant's. */
    public List<Map<String, Object>> messages(Caller caller, String channel, String to) {
        requireSandbox(caller);
        if (!"WECHAT".equals(channel) && !"TELEGRAM".equals(channel)) {
            throw Refusal.invalid("'channel' must be WECHAT or TELEGRAM");
        }
        String account = channel.equals("WECHAT") ? appid(caller) : botId(caller);
        return fakes.messages(channel, account, to == null ? null : Validation.requiredText(to, "to", 128));
    }

    private String appid(Caller caller) {
        return accounts.find(MemberAccess.PERMIT.tenantOf(caller), Channel.WECHAT)
                .map(a -> a.settings().get("appid")).orElseThrow(() -> Refusal.notFound("WECHAT_OA account"));
    }

    /** A bot's public id: its token's part before the colon. */
    private String botId(Caller caller) {
        String token = accounts.find(MemberAccess.PERMIT.tenantOf(caller), Channel.TELEGRAM)
                .map(a -> a.secrets().get("botToken")).orElseThrow(() -> Refusal.notFound("TELEGRAM account"));
        return token.substring(0, Math.max(0, token.indexOf(':')));
    }

    public void clock(Caller caller, Long seconds) {
        requireSandbox(caller);
        if (seconds == null || seconds < 0 || seconds > 90L * 24 * 3600) {
            throw Refusal.invalid("'advanceSeconds' must be 0 to 7776000");
        }
        fakes.advanceClock(seconds);
    }
}
