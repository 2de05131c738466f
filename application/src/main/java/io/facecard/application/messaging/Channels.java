package io.facecard.application.messaging;

import io.facecard.application.membership.port.ErasureHook;
import io.facecard.application.membership.port.MemberAccess;
import io.facecard.application.messaging.port.ChannelBindings;
import io.facecard.application.messaging.port.FacePayers;
import io.facecard.application.messaging.port.Messenger;
import io.facecard.application.messaging.port.MessengerAccounts;
import io.facecard.application.messaging.port.ServiceNotices;
import io.facecard.application.security.Caller;
import io.facecard.domain.membership.ConsentPurpose;
import io.facecard.domain.membership.ConsentSource;
import io.facecard.domain.membership.MemberCommands;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.messaging.Channel;
import io.facecard.domain.messaging.MessagingRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * A member's messenger channels. The till (or kiosk, app, staff) asks for a one-time token shown
 * as a QR (WeChat) or a deep link (Telegram), valid 10 minutes; the channel's callback carrying it
 * binds the account, records the consent MESSENGER_NOTICES with the channel as its source, and
 * queues a welcome inside the scan's window. Only the token's hash is kept.
 */
@ApplicationScoped
@Transactional
public class Channels implements ErasureHook {
    static final Duration TOKEN_LIFE = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param sandbox in sandbox mode, what stands in for the phone: the QR and the deep link name the fakes' accounts,
     *     which no real phone reaches (null in live mode)
     */
    public record Offer(Channel channel, String token, Instant expiresAt, String qrTicket, String qrUrl, String deepLink,
            String sandbox) {}

    private MemberAccess members;
    private MessengerAccounts accounts;
    private ChannelBindings bindings;
    private Messenger messenger;
    private ServiceNotices notices;
    private FacePayers payers;
    private CommandGateway commands;
    private Clock clock;

    protected Channels() {}

    @Inject
    public Channels(MemberAccess members, MessengerAccounts accounts, ChannelBindings bindings, Messenger messenger, ServiceNotices notices,
            CommandGateway commands, Clock clock, FacePayers payers) {
        this.payers = payers;
        this.members = members;
        this.accounts = accounts;
        this.bindings = bindings;
        this.messenger = messenger;
        this.notices = notices;
        this.commands = commands;
        this.clock = clock;
    }

    public Offer offer(Caller caller, MemberId member, Channel channel) {
        TenantId tenant = MemberAccess.PERMIT.tenantOf(caller);
        if (members.get(caller, member).erased()) {
            throw Refusal.notFound("member " + member.value());
        }
        MessengerAccounts.Account account = accounts.find(tenant, channel).orElseThrow(() -> new Refusal(MessagingRule.CHANNEL_NOT_CONFIGURED,
                "this tenant has no " + channel.account() + " account"));
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = clock.instant().plus(TOKEN_LIFE);
        bindings.offer(tenant, member, channel, hash(token), expires);
        if (channel == Channel.WECHAT) {
            Messenger.Qr qr = messenger.qr(account, token, (int) TOKEN_LIFE.toSeconds());
            return new Offer(channel, token, expires, qr.ticket(), qr.url(), null, messenger.sandbox()
                    ? "sandbox: no real phone can scan this QR; a phone's scan is POST /api/v1/sandbox/wechat/scan {\"ticket\",\"openid\"}"
                    : null);
        }
        return new Offer(channel, token, expires, null, null, messenger.deepLink(account, token), messenger.sandbox()
                ? "sandbox: the link names the sandbox's bot, not one a real Telegram app reaches; a user's /start is "
                        + "POST /api/v1/sandbox/telegram/start {\"token\",\"chatId\"}"
                : null);
    }

    public String status(Caller caller, MemberId member, Channel channel, String token) {
        TenantId tenant = MemberAccess.PERMIT.tenantOf(caller);
        members.get(caller, member);
        return bindings.status(tenant, member, channel, hash(token == null ? "" : token), clock.instant())
                .orElseThrow(() -> Refusal.notFound("binding token"));
    }

    public List<ChannelBindings.Binding> list(Caller caller, MemberId member) {
        TenantId tenant = MemberAccess.PERMIT.tenantOf(caller);
        members.get(caller, member);
        return bindings.of(tenant, member);
    }

    public void unbind(Caller caller, MemberId member, Channel channel) {
        TenantId tenant = MemberAccess.PERMIT.tenantOf(caller);
        members.get(caller, member);
        if (!bindings.unbind(tenant, member, channel)) {
            throw Refusal.notFound(channel + " binding");
        }
    }

    /** The member chooses where notices go first. */
    public void prefer(Caller caller, MemberId member, Channel channel) {
        TenantId tenant = MemberAccess.PERMIT.tenantOf(caller);
        members.get(caller, member);
        if (!bindings.prefer(tenant, member, channel)) {
            throw Refusal.notFound(channel + " binding");
        }
    }

    /**
     * The member confirms (in the app or at the kiosk) that the openid WeChat gave when they paid by
     * face may receive the tenant's notices. Only an openid of the official account's own appid is offered.
     */
    public void confirmFacePayOpenid(Caller caller, MemberId member) {
        TenantId tenant = MemberAccess.PERMIT.tenantOf(caller);
        if (members.get(caller, member).erased()) {
            throw Refusal.notFound("member " + member.value());
        }
        MessengerAccounts.Account account = accounts.find(tenant, Channel.WECHAT).orElseThrow(() -> new Refusal(
                MessagingRule.CHANNEL_NOT_CONFIGURED, "this tenant has no WECHAT_OA account"));
        String openid = payers.wechatOpenid(tenant, member, account.settings().get("appid")).orElseThrow(() -> Refusal.notFound(
                "a WeChat face payment of this member under the official account's appid"));
        Optional<MemberId> bound = bindings.boundTo(tenant, Channel.WECHAT, openid);
        if (bound.isPresent() && !bound.get().equals(member)) {
            throw new Refusal(MessagingRule.ACCOUNT_BOUND_ELSEWHERE, "this WeChat account is bound to another member");
        }
        Instant now = clock.instant();
        bindings.bind(tenant, member, Channel.WECHAT, openid, now);
        commands.sendAndWait(new MemberCommands.RecordConsent(member, ConsentPurpose.MESSENGER_NOTICES, true, "face-pay-openid",
                ConsentSource.WECHAT, caller.actor(), now));
    }

    /** A verified WeChat event push: subscribe/SCAN with our token binds, unsubscribe unbinds. Retries (same sender and time) are ignored. */
    public void wechatEvent(TenantId tenant, String xml) {
        Map<String, String> event = messenger.wechatEvent(xml == null ? "" : xml);
        String openid = event.get("FromUserName");
        // WeChat's retry key is sender and time (a message's MsgId); the event's kind is added, as a scan and an unfollow may share a second.
        String retryKey = event.containsKey("MsgId") ? "msg:" + event.get("MsgId") : event.get("CreateTime") + ":" + event.get("Event");
        if (openid == null || !bindings.firstCallback(Channel.WECHAT, openid + ":" + retryKey, clock.instant())) {
            return;
        }
        if (!"event".equals(event.get("MsgType")) || "CLICK".equals(event.get("Event"))) {
            // A message or a menu click opens the member's 48 h customer-service window.
            bindings.inbound(tenant, Channel.WECHAT, openid, clock.instant());
            return;
        }
        String kind = event.getOrDefault("Event", "");
        String key = event.getOrDefault("EventKey", "");
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "subscribe" -> {
                if (key.startsWith("qrscene_")) {
                    bind(tenant, Channel.WECHAT, key.substring("qrscene_".length()), openid);
                }
            }
            case "scan" -> {
                bindings.inbound(tenant, Channel.WECHAT, openid, clock.instant());
                bind(tenant, Channel.WECHAT, key, openid);
            }
            case "unsubscribe" -> bindings.unbindAccount(tenant, Channel.WECHAT, openid);
            default -> { }
        }
    }

    /** A Telegram update's account, if the secret token header is the one we set with setWebhook. */
    public Optional<TenantId> verifyTelegram(String webhookId, String secretToken) {
        Optional<TenantId> tenant = webhookId == null ? Optional.empty() : accounts.byWebhook(Channel.TELEGRAM, webhookId);
        if (tenant.isEmpty() || secretToken == null) {
            return Optional.empty();
        }
        String secret = accounts.find(tenant.get(), Channel.TELEGRAM).map(a -> a.secrets().get("webhookSecret")).orElse(null);
        return secret != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), secretToken.getBytes(StandardCharsets.UTF_8))
                ? tenant : Optional.empty();
    }

    /** A verified Telegram update: {@code /start <token>} binds the chat. */
    public void telegramUpdate(TenantId tenant, long updateId, String chatId, String text) {
        if (chatId == null || !bindings.firstCallback(Channel.TELEGRAM, tenant.value() + ":" + updateId, clock.instant())) {
            return;
        }
        if (text != null && text.startsWith("/start ")) {
            bind(tenant, Channel.TELEGRAM, text.substring("/start ".length()).strip(), chatId);
        }
    }

    /** A token used twice, expired or of another tenant binds nothing; an account bound to another member stays theirs. */
    private void bind(TenantId tenant, Channel channel, String token, String externalId) {
        Instant now = clock.instant();
        Optional<MemberId> bound = bindings.boundTo(tenant, channel, externalId);
        Optional<MemberId> member = bindings.consume(tenant, channel, hash(token), now);
        if (member.isEmpty() || (bound.isPresent() && !bound.get().equals(member.get()))) {
            return;
        }
        bindings.bind(tenant, member.get(), channel, externalId, now);
        commands.sendAndWait(new MemberCommands.RecordConsent(member.get(), ConsentPurpose.MESSENGER_NOTICES, true, "channel-binding",
                channel == Channel.WECHAT ? ConsentSource.WECHAT : ConsentSource.TELEGRAM, "channel:" + channel, now));
        notices.notify(tenant, member.get(), "WELCOME", Map.of("channel", channel.name()), "welcome-" + channel + "-" + externalId + "-" + now);
    }

    /** Erasure: the member's bindings, tokens and queued and sent messages, bodies and all. */
    @Override
    public void erase(TenantId tenant, MemberId member) {
        bindings.unbindAll(tenant, member);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
