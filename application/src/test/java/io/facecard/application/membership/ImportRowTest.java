package io.facecard.application.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.domain.refusal.Refusal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportRowTest {
    private static Map<String, String> row(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aRowIsNormalisedAsARegistrationWouldBe() {
        ImportRow r = ImportRow.parse(2, row("externalId", " crm-1 ", "name", "Anna", "phone", "+49 (170) 100-0001",
                "birthDate", "1990-04-21", "biometricConsent", "Yes", "marketingConsent", "n", "policyVersion", "v1", "photo", "a.jpg"));
        assertThat(r.data().externalId()).isEqualTo("crm-1");
        assertThat(r.data().phone()).isEqualTo("+491701000001");
        assertThat(r.data().birthDate()).isEqualTo(LocalDate.of(1990, 4, 21));
        assertThat(r.biometricConsent()).isTrue();
        assertThat(r.marketingConsent()).isFalse();
        assertThat(r.mayEnrol()).isTrue();
    }

    @Test
    void blankCellsAreAbsentAndAPhotoWithoutConsentMayNotBeEnrolled() {
        ImportRow r = ImportRow.parse(3, row("name", "Boris", "phone", " ", "biometricConsent", "", "photo", "b.jpg"));
        assertThat(r.data().phone()).isNull();
        assertThat(r.biometricConsent()).isNull();
        assertThat(r.mayEnrol()).isFalse();
    }

    @Test
    void eachBrokenRuleIsNamed() {
        List<Map<String, String>> broken = List.of(
                row("phone", "+4917010001"),
                row("name", "X", "email", "not-an-email"),
                row("name", "X", "birthDate", "21.04.1990"),
                row("name", "X", "biometricConsent", "maybe", "policyVersion", "v1"),
                row("name", "X", "marketingConsent", "yes"),
                row("name", "X", "externalId", "x".repeat(65)));
        for (Map<String, String> b : broken) {
            assertThatThrownBy(() -> ImportRow.parse(2, b)).as(b.toString()).isInstanceOf(Refusal.class).hasMessageContaining("'");
        }
    }

    @Test
    void theHeaderMustNameKnownColumnsAndTheName() {
        ImportColumns.check(List.of("name", "photo"));
        assertThatThrownBy(() -> ImportColumns.check(List.of("name", "shoeSize"))).hasMessageContaining("shoeSize");
        assertThatThrownBy(() -> ImportColumns.check(List.of("phone"))).hasMessageContaining("'name'");
        assertThatThrownBy(() -> ImportColumns.check(List.of())).hasMessageContaining("no header");
    }
}
