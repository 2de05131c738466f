package io.facecard.tenants.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    @Test
    void keysAreRecognisableUniqueAndStoredOnlyAsAHash() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeys.newKey();
            assertThat(ApiKeys.looksLikeKey(key)).isTrue();
            keys.add(key);
        }
        assertThat(keys).hasSize(1000);
        String key = keys.iterator().next();
        assertThat(ApiKeys.hash(key)).hasSize(64).isEqualTo(ApiKeys.hash(key)).doesNotContain(key.substring(4));
        assertThat(ApiKeys.displayPrefix(key)).hasSize(10).startsWith("fck_");
    }

    @Test
    void otherStringsAreNotKeys() {
        assertThat(ApiKeys.looksLikeKey(null)).isFalse();
        assertThat(ApiKeys.looksLikeKey("fck_short")).isFalse();
        assertThat(ApiKeys.looksLikeKey("eyJhbGciOi.x.y")).isFalse();
    }
}
