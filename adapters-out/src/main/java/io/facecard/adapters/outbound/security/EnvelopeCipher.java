package io.facecard.adapters.outbound.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Envelope encryption of tenants' provider credentials: each value gets its own data key
 * (AES-256-GCM), and the data key is sealed under the platform's key, which lives in configuration
 * (a Kubernetes Secret), never in the database. Rotating the platform key re-seals data keys only;
 * {@code keyId} says which platform key sealed a row. The associated data binds a sealed value to
 * its row (tenant and provider), so a value copied into another tenant's row does not open.
 */
@ApplicationScoped
public class EnvelopeCipher {
    public record Sealed(String keyId, byte[] wrappedKey, byte[] ciphertext) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    @Inject
    @ConfigProperty(name = "facecard.credentials.key")
    String configured;

    private SecretKey platformKey;
    private String keyId;

    /** For CDI. */
    public EnvelopeCipher() {}

    /** For tests of this class. */
    public EnvelopeCipher(String key) {
        this.configured = key;
        init();
    }

    @PostConstruct
    void init() {
        if (configured == null || configured.length() < 16) {
            throw new IllegalStateException("facecard.credentials.key (FACECARD_CREDENTIALS_KEY) must be at least 16 characters");
        }
        try {
            byte[] k = MessageDigest.getInstance("SHA-256").digest(configured.getBytes(StandardCharsets.UTF_8));
            platformKey = new SecretKeySpec(k, "AES");
            keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(k)).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Sealed seal(byte[] plaintext, String boundTo) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey dataKey = generator.generateKey();
            return new Sealed(keyId, gcm(Cipher.ENCRYPT_MODE, platformKey, dataKey.getEncoded(), boundTo),
                    gcm(Cipher.ENCRYPT_MODE, dataKey, plaintext, boundTo));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    public byte[] open(Sealed sealed, String boundTo) {
        if (!sealed.keyId().equals(keyId)) {
            throw new IllegalStateException("sealed under platform key " + sealed.keyId() + ", configured is " + keyId);
        }
        try {
            SecretKey dataKey = new SecretKeySpec(gcm(Cipher.DECRYPT_MODE, platformKey, sealed.wrappedKey(), boundTo), "AES");
            return gcm(Cipher.DECRYPT_MODE, dataKey, sealed.ciphertext(), boundTo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed credential does not open (tampered, moved, or another key)", e);
        }
    }

    /** Encrypt: nonce ‖ ciphertext+tag; decrypt the same layout. */
    private static byte[] gcm(int mode, SecretKey key, byte[] data, String aad) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        if (mode == Cipher.ENCRYPT_MODE) {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            c.init(mode, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] out = c.doFinal(data);
            return ByteBuffer.allocate(NONCE + out.length).put(nonce).put(out).array();
        }
        c.init(mode, key, new GCMParameterSpec(128, data, 0, NONCE));
        c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return c.doFinal(data, NONCE, data.length - NONCE);
    }
}
