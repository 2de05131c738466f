package io.facecard.tenants.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {
    private final PasswordHashing hashing = new PasswordHashing(10_000);

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String stored = hashing.hash("correct-horse-battery");
        assertThat(hashing.matches("correct-horse-battery", stored)).isTrue();
        assertThat(hashing.matches("correct-horse-batterz", stored)).isFalse();
    }

    @Test
    void theStoredFormCarriesItsParametersAndASaltSoEqualPasswordsDiffer() {
        String a = hashing.hash("same-password-123");
        String b = hashing.hash("same-password-123");
        assertThat(a).startsWith("pbkdf2-sha256$10000$").doesNotContain("same-password");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void hashesMadeWithAnotherCostStillVerify() {
        String old = new PasswordHashing(20_000).hash("password-of-old");
        assertThat(hashing.matches("password-of-old", old)).isTrue();
    }

    @Test
    void aForeignOrCorruptHashNeverMatches() {
        assertThat(hashing.matches("x", "md5$abc")).isFalse();
        assertThat(hashing.matches("x", "")).isFalse();
    }

    @Test
    void aTooCheapCostIsRefused() {
        assertThatThrownBy(() -> new PasswordHashing(1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
