package io.facecard.application.messaging;

import io.facecard.application.messaging.port.Messenger;
import io.facecard.application.messaging.port.MessengerAccounts.Account;
import io.facecard.application.messaging.port.MessengerAccounts;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.application.support.SandboxIds;
import io.facecard.application.support.Secrets;
import io.facecard.domain.messaging.Channel;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A tenant admin's messenger accounts: set (secrets sealed, never answered), shown with fingerprints, removed. */
@ApplicationScoped
@Transactional
public class MessengerAccountsAdmin {
    static final Permit ADMIN = new Permit(Set.of(Role.TENANT_ADMIN), Set.of());

    private static final SecureRandom KEYS = new SecureRandom();

    record Field(String name, boolean required, boolean secret, Pattern format) {}

    private static final Map<Channel, List<Field>> FIELDS = Map.of(
            Channel.WECHAT, List.of(new Field("appid", true, false, Pattern.compile("wx[0-9a-z]{16}")),
                    new Field("appSecret", true, true, Pattern.compile("[0-9a-zA-Z]{16,64}")),
                    new Field("token", true, true, Pattern.compile("[0-9a-zA-Z]{3,32}")),
                    new Field("aesKey", true, true, Pattern.compile("[0-9a-zA-Z]{43}"))),
            Channel.TELEGRAM, List.of(new Field("botUsername", true, false, Pattern.compile("[A-Za-z0-9_]{5,32}")),
                    new Field("botToken", true, true, Pattern.compile("[0-9]{5,16}:[A-Za-z0-9_-]{30,40}"))));

    /** The accounts the sandbox's fakes know. */
    private static final Map<Channel, Map<String, String>> SANDBOX = Map.of(
            Channel.WECHAT, Map.of("appid", "wxfacecafe0000beef", "appSecret", "facecardsandboxappsecret00000001",
                    "token", "facecardsandboxtoken"),
            Channel.TELEGRAM, Map.of("botUsername", "facecard_sandbox_bot", "botToken", "123456789:AAFacecardSandboxBotTokenAbcdefghijkl"));

    public record View(String kind, Map<String, String> settings, Map<String, String> secrets, String webhookPath, Instant updatedAt) {}

    private MessengerAccounts accounts;
    private Messenger messenger;
    private Clock clock;

    protected MessengerAccountsAdmin() {}

    @Inject
    public MessengerAccountsAdmin(MessengerAccounts accounts, Messenger messenger, Clock clock) {
        this.accounts = accounts;
        this.messenger = messenger;
        this.clock = clock;
    }

    public static Channel channel(String kind) {
        try {
            return Channel.ofAccount(kind);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("messenger account kind " + kind);
        }
    }

    public View putSandbox(Caller caller, Channel channel) {
        if (!messenger.sandbox()) {
            throw Refusal.notFound("sandbox accounts (this platform talks to the live messengers)");
        }
        Map<String, String> fields = new TreeMap<>(SANDBOX.get(channel));
        if (channel == Channel.WECHAT) {
            fields.put("appid", SandboxIds.wechatAppid(ADMIN.tenantOf(caller)));
            fields.put("aesKey", encodingAesKey());
        } else {
            fields.put("botToken", SandboxIds.telegramBotToken(ADMIN.tenantOf(caller)));
        }
        return put(caller, channel, fields);
    }

    /** A fresh EncodingAESKey, as the official account's console generates one: 43 letters and digits. */
    private static String encodingAesKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 43; i++) {
            key.append(alphabet.charAt(KEYS.nextInt(alphabet.length())));
        }
        return key.toString();
    }

    public View put(Caller caller, Channel channel, Map<String, String> body) {
        TenantId tenant = ADMIN.tenantOf(caller);
        Map<String, String> settings = new TreeMap<>();
        Map<String, String> secrets = new TreeMap<>();
        var fields = FIELDS.get(channel);
        for (String name : body.keySet()) {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                throw Refusal.invalid("'" + name + "' is not a field of a " + channel.account() + " account; it takes "
                        + fields.stream().map(Field::name).toList());
            }
        }
        for (Field f : fields) {
            String v = body.get(f.name());
            if (v == null || v.isBlank()) {
                if (f.required()) {
                    throw Refusal.invalid("'" + f.name() + "' is required for " + channel.account());
                }
                continue;
            }
            if (!f.format().matcher(v).matches()) {
                throw Refusal.invalid("'" + f.name() + "' is not in the channel's format" + (f.secret() ? "" : " (got '" + v + "')"));
            }
            (f.secret() ? secrets : settings).put(f.name(), v);
        }
        var before = accounts.find(tenant, channel);
        String webhookId = before.map(Account::webhookId).orElseGet(Secrets::randomId);
        // Telegram sends this secret with every update (X-Telegram-Bot-Api-Secret-Token): ours, kept across updates.
        secrets.put("webhookSecret", before.map(a -> a.secrets().get("webhookSecret")).orElseGet(Secrets::randomId));
        Account a = new Account(channel, settings, secrets, webhookId, clock.instant());
        accounts.put(tenant, a);
        messenger.register(a, path(channel, webhookId));
        return get(caller, channel);
    }

    public View get(Caller caller, Channel channel) {
        TenantId tenant = ADMIN.tenantOf(caller);
        Account a = accounts.find(tenant, channel).orElseThrow(() -> Refusal.notFound(channel.account() + " account"));
        Map<String, String> fingerprints = new TreeMap<>();
        a.secrets().forEach((k, v) -> fingerprints.put(k, Secrets.fingerprint(v)));
        return new View(channel.account(), a.settings(), fingerprints, path(channel, a.webhookId()), a.updatedAt());
    }

    public void remove(Caller caller, Channel channel) {
        if (!accounts.remove(ADMIN.tenantOf(caller), channel)) {
            throw Refusal.notFound(channel.account() + " account");
        }
    }

    static String path(Channel channel, String webhookId) {
        return "/api/v1/webhooks/" + channel.name().toLowerCase(Locale.ROOT) + "/" + webhookId;
    }


}
