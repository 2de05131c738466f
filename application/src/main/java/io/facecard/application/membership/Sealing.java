package io.facecard.application.membership;

import io.facecard.application.membership.port.PersonalData;
import io.facecard.domain.membership.SealedPersonalData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM sealing of personal data under a member's key (crypto-shredding). */
public final class Sealing {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sealing() {}

    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public static SealedPersonalData seal(PersonalData data, byte[] key, String keyId) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            c.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            byte[] ct = c.doFinal(data.encode());
            return new SealedPersonalData(keyId, Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + ct.length).put(iv).put(ct).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal personal data", e);
        }
    }

    /** Empty when the key is gone: the member was erased and the data is unreadable for ever. */
    public static Optional<PersonalData> open(SealedPersonalData sealed, Optional<byte[]> key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.ciphertext());
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.get(), "AES"), new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(sealed.keyId().getBytes(StandardCharsets.US_ASCII));
            return Optional.of(PersonalData.decode(c.doFinal(all, 12, all.length - 12)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed personal data does not open with the member's key", e);
        }
    }
}
