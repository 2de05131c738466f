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

    public static String wechatAppid(TenantId tenant) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("sandbox-appid:" + tenant.value()).getBytes(StandardCharsets.UTF_8));
            return "wx" + HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
