package io.facecard.fakes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's message encryption as its servers apply it in safe mode: AES-256-CBC, the key is the
 * EncodingAESKey's 43 characters read as base64, the IV the key's first 16 bytes; the plaintext is
 * 16 random bytes, the message length (big-endian int), the message and the appid, PKCS#7-padded to 32.
 */
public final class WechatCrypto {
    private WechatCrypto() {}

    public static String seal(String encodingAesKey, String appid, String message, byte[] random16) {
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = appid.getBytes(StandardCharsets.UTF_8);
        int size = 20 + msg.length + id.length;
        int pad = 32 - size % 32;
        ByteBuffer plain = ByteBuffer.allocate(size + pad);
        plain.put(random16, 0, 16).putInt(msg.length).put(msg).put(id);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        try {
            byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(aes.doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
