package io.facecard.adapters.outbound.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeCipherTest {
    static final EnvelopeCipher CIPHER = new EnvelopeCipher("a-platform-key-for-tests");
    static final byte[] TOKEN = "{\"appAuthToken\":\"202612BBf7c1e0a0\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSealedValueOpensInItsOwnRowOnly() {
        EnvelopeCipher.Sealed s = CIPHER.seal(TOKEN, "row:tenant-a:ALIPAY");
        assertThat(new String(s.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("202612BB");
        assertThat(CIPHER.open(s, "row:tenant-a:ALIPAY")).isEqualTo(TOKEN);
        assertThatThrownBy(() -> CIPHER.open(s, "row:tenant-b:ALIPAY")).as("copied into another tenant's row")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachSealingUsesItsOwnDataKey() {
        EnvelopeCipher.Sealed a = CIPHER.seal(TOKEN, "row");
        EnvelopeCipher.Sealed b = CIPHER.seal(TOKEN, "row");
        assertThat(a.wrappedKey()).isNotEqualTo(b.wrappedKey());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    }

    @Test
    void aTamperedValueOrAnotherPlatformKeyDoesNotOpen() {
        EnvelopeCipher.Sealed s = CIPHER.seal(TOKEN, "row");
        byte[] tampered = s.ciphertext().clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> CIPHER.open(new EnvelopeCipher.Sealed(s.keyId(), s.wrappedKey(), tampered), "row"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new EnvelopeCipher("another-platform-key").open(s, "row"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("platform key");
        assertThatThrownBy(() -> new EnvelopeCipher("short")).isInstanceOf(IllegalStateException.class);
    }
}
