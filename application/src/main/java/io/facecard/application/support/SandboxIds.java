package io.facecard.application.support;

import io.facecard.domain.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids the sandbox gives each tenant at the fakes. A WeChat official account has one callback URL,
 * so every tenant gets an appid of its own (the same one for its WeChat Pay sub-appid, as a chain
 * whose official account takes its payments would have).
 */
public final class SandboxIds {
    private SandboxIds() {}

    /** A Telegram bot token of the sandbox's shape; a bot has one webhook, so each tenant gets a bot of its own. */
    public static String telegramBotToken(TenantId tenant) {
        String h = hex("sandbox-bot:" + tenant.value());
        return Long.parseLong(h.substring(0, 8), 16) % 900_000_000L + 100_000_000L + ":AAFacecardSandbox" + h.substring(8, 28);
    }

    private static String hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String wechatAppid(TenantId tenant) {
        return "wx" + hex("sandbox-appid:" + tenant.value()).substring(0, 16);
    }
}
