package io.facecard.application.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's safe mode for official-account pushes. The body carries only {@code Encrypt}: AES-256-CBC
 * under the account's EncodingAESKey (the key is its 43 characters read as base64, the IV the key's
 * first 16 bytes, PKCS#7 padding to 32 bytes) of 16 random bytes, the message's length (4 bytes,
 * big-endian), the message and the appid. {@code msg_signature} is the SHA-1 of token, timestamp,
 * nonce and the ciphertext, sorted and joined: unlike plain mode's signature it covers the body.
 */
public final class WechatSafeMode {
    private static final int BLOCK = 32;

    private WechatSafeMode() {}

    /** WeChat's signature: SHA-1 (hex) of the parts sorted as strings and joined. */
    public static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean sameSignature(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The message inside {@code encrypted}, if it decrypts under the key, is well formed and was sent to {@code appid}. */
    public static Optional<String> open(String encodingAesKey, String appid, String encrypted) {
        try {
            byte[] cipherText = Base64.getDecoder().decode(encrypted);
            if (cipherText.length == 0 || cipherText.length % 16 != 0) {
                return Optional.empty();
            }
            byte[] plain = cipher(Cipher.DECRYPT_MODE, encodingAesKey).doFinal(cipherText);
            int pad = plain[plain.length - 1] & 0xff;
            if (pad < 1 || pad > BLOCK || pad > plain.length - 20) {
                return Optional.empty();
            }
            int end = plain.length - pad;
            int length = ByteBuffer.wrap(plain, 16, 4).getInt();
            if (length < 0 || 20 + length > end) {
                return Optional.empty();
            }
            String to = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
            return to.equals(appid) ? Optional.of(new String(plain, 20, length, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty(); // not base64, or a key of the wrong shape: a forgery, not our error
        }
    }

    private static Cipher cipher(int mode, String encodingAesKey) throws GeneralSecurityException {
        byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
        if (key.length != 32) {
            throw new GeneralSecurityException("an EncodingAESKey is 43 characters");
        }
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        return c;
    }
}
