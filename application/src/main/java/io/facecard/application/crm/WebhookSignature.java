package io.facecard.application.crm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as the Standard Webhooks specification makes them (so receivers can use its libraries): HMAC-SHA256 with
 * the secret's key over {@code id.timestamp.body}, base64, in {@code webhook-signature} as {@code v1,<sig>}, one per
 * live secret separated by spaces (during a rotation's overlap a receiver holding either secret verifies). The
 * timestamp (seconds) lets a receiver refuse replays older than its tolerance.
 */
public final class WebhookSignature {
    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A new secret: 24 random bytes, shown once. */
    public static String newSecret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static String sign(String secret, String id, Instant at, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] sig = mac.doFinal((id + "." + at.getEpochSecond() + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code webhook-signature} header's value for all live secrets. */
    public static String header(List<String> secrets, String id, Instant at, String body) {
        List<String> parts = new ArrayList<>();
        for (String s : secrets) {
            parts.add(sign(s, id, at, body));
        }
        return String.join(" ", parts);
    }

    /** What a receiver does: true when one of the header's signatures is the secret's (compared in constant time). */
    public static boolean verifies(String secret, String id, Instant at, String body, String header) {
        byte[] expected = sign(secret, id, at, body).getBytes(StandardCharsets.UTF_8);
        for (String part : header.split(" ")) {
            if (MessageDigest.isEqual(expected, part.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] key(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a webhook secret");
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
