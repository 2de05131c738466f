package io.facecard.tenants.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Terminal API keys: 256 random bits, so a fast hash is enough to store them (no dictionary to
 * guess from), and a lookup by hash stays cheap on every till request.
 */
public final class ApiKeys {
    public static final String PREFIX = "fck_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean looksLikeKey(String candidate) {
        return candidate != null && candidate.startsWith(PREFIX) && candidate.length() == PREFIX.length() + 43;
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What may be shown later so people can tell keys apart: the prefix and 6 characters. */
    public static String displayPrefix(String key) {
        return key.substring(0, PREFIX.length() + 6);
    }
}
