package io.facecard.adapters.outbound.messaging;

import io.facecard.adapters.outbound.messaging.telegram.TelegramBot;
import io.facecard.adapters.outbound.messaging.wechat.WechatOfficialAccount;
import io.facecard.adapters.outbound.payment.wechat.V2Xml;
import io.facecard.adapters.outbound.platform.SandboxConfig;
import io.facecard.application.messaging.port.Messenger;
import io.facecard.application.messaging.port.MessengerAccounts.Account;
import io.facecard.application.messaging.port.MessengerAccounts;
import io.facecard.domain.messaging.Channel;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.Rendered;
import io.facecard.marketing.port.Sender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The channels' APIs, at the sandbox's fakes or the live hosts (api.weixin.qq.com,
 * api.telegram.org), and the sending side of delivery: a notice rendered for its channel — on
 * WeChat a service notice is a template message, anything else customer-service text; on Telegram text.
 */
@ApplicationScoped
public class ConfiguredMessengers implements Messenger, Sender {
    private record Clients(WechatOfficialAccount wechat, TelegramBot telegram, String wechatBase, FileTime version) {}

    @Inject
    SandboxConfig source;
    @Inject
    MessengerAccounts accounts;
    @Inject
    Clock clock;

    private volatile Clients clients;
    private record Cached(Optional<Account> account, long until) {}
    private final ConcurrentHashMap<String, Cached> recent = new ConcurrentHashMap<>();

    /** A tenant's account, read at most every 5 s per replica for sending (not a transaction and a decryption per message). */
    private Optional<Account> account(TenantId tenant, Channel c) {
        String key = tenant.value() + ":" + c;
        long now = System.nanoTime();
        Cached hit = recent.get(key);
        if (hit != null && hit.until() - now > 0) {
            return hit.account();
        }
        Optional<Account> a = accounts.find(tenant, c);
        recent.put(key, new Cached(a, now + 5_000_000_000L));
        return a;
    }

    private Clients clients() {
        FileTime v = source.version();
        Clients c = clients;
        if (c == null || !c.version().equals(v)) {
            var values = source.values();
            String wechat = Optional.ofNullable(values.apply("wechat-oa.api-base")).orElse(WechatOfficialAccount.LIVE_API);
            String telegram = Optional.ofNullable(values.apply("telegram.api-base")).orElse("https://api.telegram.org");
            c = new Clients(new WechatOfficialAccount(wechat, clock), new TelegramBot(telegram), wechat, v);
            clients = c;
        }
        return c;
    }

    @Override
    public boolean sandbox() {
        return source.sandbox();
    }

    @Override
    public Map<String, String> wechatEvent(String xml) {
        try {
            return V2Xml.read(xml);
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    @Override
    public Qr qr(Account account, String scene, int expireSeconds) {
        return clients().wechat().qr(account, scene, expireSeconds);
    }

    @Override
    public String deepLink(Account account, String token) {
        return clients().telegram().deepLink(account, token);
    }

    @Override
    public void register(Account account, String path) {
        String url = source.publicUrl() + path;
        if (account.channel() == Channel.TELEGRAM) {
            clients().telegram().setWebhook(account, url);
        } else if (source.sandbox()) {
            // Live, the URL and token are entered in the official account's console; the sandbox's fake is told here.
            JsonHttp.call("POST", clients().wechatBase() + "/_sandbox/callback", Map.of("appid", account.settings().get("appid"), "url", url,
                    "token", account.secrets().get("token"), "aesKey", account.secrets().get("aesKey")));
        }
    }

    @Override
    public Sent send(Account account, String to, Message m) {
        if (account.channel() == Channel.TELEGRAM) {
            return clients().telegram().send(account, to, m.text());
        }
        return m.templateId() != null && !m.marketing() ? clients().wechat().template(account, to, m.templateId(), m.fields())
                : clients().wechat().text(account, to, m.text());
    }

    @Override
    public Result send(TenantId tenant, String channel, String address, Rendered m, boolean marketing) {
        Channel c = Channel.valueOf(channel);
        Optional<Account> account = account(tenant, c);
        if (account.isEmpty()) {
            return new Result(Sender.Outcome.BLOCKED, 0, "channel-not-configured");
        }
        Sent s = send(account.get(), address, new Message(m.templateId(), m.fields(), m.text(), marketing));
        return new Result(Sender.Outcome.valueOf(s.outcome().name()), s.retryAfterSeconds(), s.code());
    }

    @Override
    public Result mass(TenantId tenant, List<String> openids, String text, String clientMsgId) {
        Optional<Account> account = account(tenant, Channel.WECHAT);
        if (account.isEmpty()) {
            return new Result(Sender.Outcome.BLOCKED, 0, "channel-not-configured");
        }
        Sent s = clients().wechat().mass(account.get(), openids, text, clientMsgId);
        return new Result(Sender.Outcome.valueOf(s.outcome().name()), s.retryAfterSeconds(), s.code());
    }
}
