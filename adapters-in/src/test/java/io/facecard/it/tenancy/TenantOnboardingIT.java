package io.facecard.it.tenancy;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api;
import io.facecard.it.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TenantOnboardingIT {
    static String operator;

    @BeforeAll
    static void login() {
        operator = operatorToken();
    }

    @Test
    void anOperatorOnboardsAChainWhoseAdminCanLogInAtOnce() {
        Chain chain = onboard(operator);
        Reply tenant = get("/api/v1/tenants/" + chain.id(), operator).ok(200);
        assertThat(tenant.get("slug")).isEqualTo(chain.slug());
        assertThat(tenant.get("status")).isEqualTo("ACTIVE");
        assertThat(tenant.get("currency")).isEqualTo("EUR");
        Reply token = post("/api/v1/auth/token", null, Map.of("tenant", chain.slug(), "username", "admin", "password", PASSWORD)).ok(200);
        assertThat(token.get("token_type")).isEqualTo("Bearer");
        assertThat(token.json().path("expires_in").asInt()).isPositive();
        assertThat(token.get("access_token").split("\\.")).hasSize(3);
    }

    @Test
    void aDuplicateSlugIsAConflictAndCreatesNothing() {
        Chain chain = onboard(operator);
        int before = get("/api/v1/tenants?limit=200", operator).json().path("items").size();
        post("/api/v1/tenants", operator, Map.of("name", "Other", "slug", chain.slug(), "currency", "USD",
                "timezone", "America/New_York", "admin", Map.of("username", "boss", "password", PASSWORD)))
                .problem(409);
        assertThat(get("/api/v1/tenants?limit=200", operator).json().path("items").size()).isEqualTo(before);
        assertThat(get("/api/v1/tenants/" + chain.id(), operator).get("currency")).isEqualTo("EUR");
    }

    @Test
    void settingsChangeOnlyWhatIsSent() {
        Chain chain = onboard(operator);
        Reply changed = patch("/api/v1/tenants/" + chain.id(), operator, Map.of("name", "Renamed", "currency", "CNY")).ok(200);
        assertThat(changed.get("name")).isEqualTo("Renamed");
        assertThat(changed.get("currency")).isEqualTo("CNY");
        assertThat(changed.get("timezone")).isEqualTo("Europe/Berlin");
        patch("/api/v1/tenants/" + chain.id(), operator, Map.of("currency", "EURO")).problem(400);
        assertThat(get("/api/v1/tenants/" + chain.id(), operator).get("currency")).isEqualTo("CNY");
    }

    @Test
    void suspensionStopsEveryCredentialAndResumingLosesNothing() {
        Chain chain = onboard(operator);
        String store = chain.store("S1");
        String key = chain.terminal(store, "POS").path("apiKey").asText();
        String cashier = chain.user("cashier1", "CASHIER");
        get("/api/v1/terminals/me", key).ok(200); // the key is now remembered for a few seconds

        post("/api/v1/tenants/" + chain.id() + "/suspend", operator, Map.of("reason", "unpaid invoice")).ok(200);
        assertThat(get("/api/v1/tenants/" + chain.id(), operator).get("status")).isEqualTo("SUSPENDED");
        get("/api/v1/stores", chain.adminToken()).problem(401);
        get("/api/v1/stores", cashier).problem(401);
        get("/api/v1/terminals/me", key).problem(401);
        post("/api/v1/auth/token", null, Map.of("tenant", chain.slug(), "username", "admin", "password", PASSWORD)).problem(401);

        post("/api/v1/tenants/" + chain.id() + "/resume", operator, null).ok(200);
        assertThat(get("/api/v1/stores/" + store, chain.adminToken()).ok(200).get("code")).isEqualTo("S1");
        assertThat(get("/api/v1/terminals/me", key).ok(200).get("storeId")).isEqualTo(store);
        get("/api/v1/stores", cashier).ok(200);
    }

    @Test
    void theHistoryProjectionRecordsEveryTenantEvent() throws InterruptedException {
        Chain chain = onboard(operator);
        post("/api/v1/tenants/" + chain.id() + "/suspend", operator, null).ok(200);
        post("/api/v1/tenants/" + chain.id() + "/suspend", operator, null).ok(200); // a retry adds no event
        post("/api/v1/tenants/" + chain.id() + "/resume", operator, null).ok(200);
        List<String> events = Eventually.until("three events in the history", Duration.ofSeconds(5),
                () -> get("/api/v1/tenants/" + chain.id() + "/history", operator).ok(200).json().findValuesAsText("event"), e -> e.size() >= 3);
        assertThat(events).containsExactly("ONBOARDED", "SUSPENDED", "RESUMED");
    }

    /**
     * An aggregate is read back in batches of 100 events, and a batch shorter than that is taken as
     * the last: 250 events span three batches, one of them full, and every one must be seen or the
     * next command would reuse a sequence number and fail.
     */
    @Test
    void anAggregateWithHundredsOfEventsIsReadWhole() throws InterruptedException {
        Chain chain = onboard(operator);
        for (int i = 1; i < 250; i++) {
            patch("/api/v1/tenants/" + chain.id(), operator, Map.of("name", "Name " + i)).ok(200);
        }
        assertThat(patch("/api/v1/tenants/" + chain.id(), operator, Map.of("name", "Last")).ok(200).get("name")).isEqualTo("Last");
        int seen = Eventually.until("251 events in the history", Duration.ofSeconds(10),
                () -> get("/api/v1/tenants/" + chain.id() + "/history", operator).ok(200).json().size(), n -> n >= 251);
        assertThat(seen).isEqualTo(251);
    }

    @Test
    void wrongCredentialsGetTheSameAnswerWhetherOrNotTheAccountExists() {
        Chain chain = onboard(operator);
        String unknownUser = post("/api/v1/auth/token", null, Map.of("tenant", chain.slug(), "username", "nobody", "password", PASSWORD))
                .problem(401).get("detail");
        String wrongPassword = post("/api/v1/auth/token", null, Map.of("tenant", chain.slug(), "username", "admin", "password", "wrong-password-123"))
                .problem(401).get("detail");
        String unknownTenant = post("/api/v1/auth/token", null, Map.of("tenant", "no-such-chain", "username", "admin", "password", PASSWORD))
                .problem(401).get("detail");
        assertThat(unknownUser).isEqualTo(wrongPassword).isEqualTo(unknownTenant);
        post("/api/v1/auth/token", null, Map.of("username", "operator", "password", "not-the-password")).problem(401);
    }
}
