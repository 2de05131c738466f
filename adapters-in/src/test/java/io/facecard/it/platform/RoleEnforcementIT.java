package io.facecard.it.platform;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.it.Api;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RoleEnforcementIT {
    static String operator;
    static Chain chain;
    static String store;
    static String cashier;
    static String marketer;
    static String manager;
    static String terminalKey;

    @BeforeAll
    static void setUp() {
        operator = operatorToken();
        chain = onboard(operator);
        store = chain.store("R1");
        cashier = chain.user("cashier", "CASHIER");
        marketer = chain.user("marketer", "MARKETER");
        manager = chain.user("manager", "STORE_MANAGER");
        terminalKey = chain.terminal(store, "POS").path("apiKey").asText();
    }

    @Test
    void withoutCredentialsEverythingButLoginIsRefused() {
        get("/api/v1/tenants", null).problem(401);
        get("/api/v1/stores", null).problem(401);
        get("/api/v1/users", null).problem(401);
        get("/api/v1/terminals/me", null).problem(401);
        get("/api/v1/stores", "fck_not-a-real-key").problem(401);
    }

    @Test
    void onlyTheOperatorManagesTenants() {
        for (String token : new String[] {chain.adminToken(), cashier, marketer, manager, terminalKey}) {
            get("/api/v1/tenants", token).problem(403);
            post("/api/v1/tenants/" + chain.id() + "/suspend", token, null).problem(403);
            post("/api/v1/tenants/" + chain.id() + "/offboard", token, Map.of("confirmSlug", chain.slug())).problem(403);
        }
        assertThat(get("/api/v1/tenants/" + chain.id(), operator).get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void theOperatorHasNoTenantToActIn() {
        get("/api/v1/stores", operator).problem(403);
        post("/api/v1/users", operator, Map.of("username", "x1x", "password", PASSWORD, "roles", new String[] {"CASHIER"})).problem(403);
    }

    @Test
    void onlyTheAdminOpensAndEditsStores() {
        post("/api/v1/stores", cashier, Map.of("name", "X", "code", "X1")).problem(403);
        post("/api/v1/stores", manager, Map.of("name", "X", "code", "X2")).problem(403);
        patch("/api/v1/stores/" + store, marketer, Map.of("name", "Hacked")).problem(403);
        for (String reader : new String[] {cashier, marketer, manager}) {
            assertThat(get("/api/v1/stores/" + store, reader).ok(200).get("name")).isEqualTo("Store R1");
        }
    }

    @Test
    void storeManagersRegisterTerminalsButCashiersAndMarketersCannot() {
        post("/api/v1/stores/" + store + "/terminals", manager, Map.of("kind", "KIOSK", "name", "Kiosk")).ok(201);
        post("/api/v1/stores/" + store + "/terminals", cashier, Map.of("kind", "KIOSK", "name", "Kiosk")).problem(403);
        get("/api/v1/stores/" + store + "/terminals", marketer).problem(403);
    }

    @Test
    void onlyTheAdminManagesUsers() {
        for (String token : new String[] {cashier, marketer, manager, terminalKey}) {
            get("/api/v1/users", token).problem(403);
            post("/api/v1/users", token, Map.of("username", "sneaky", "password", PASSWORD, "roles", new String[] {"TENANT_ADMIN"})).problem(403);
        }
    }

    @Test
    void aTerminalIsBoundToItsStoreAndCannotActAsStaff() {
        Reply me = get("/api/v1/terminals/me", terminalKey).ok(200);
        assertThat(me.get("storeId")).isEqualTo(store);
        assertThat(me.json().has("apiKey") && !me.json().path("apiKey").isNull()).isFalse();
        post("/api/v1/stores", terminalKey, Map.of("name", "X", "code", "T1")).problem(403);
        get("/api/v1/terminals/me", cashier).problem(403);
    }

    @Test
    void aTillLooksACustomerUpByOneIdentifierButNeverListsOrExportsMembers() {
        String kiosk = chain.terminal(store, "KIOSK").path("apiKey").asText();
        String app = chain.terminal(store, "APP").path("apiKey").asText();
        String m = post("/api/v1/members", chain.adminToken(), Map.of("name", "Lou Lookup", "phone", "+4915100006611",
                "email", "lou@example.com", "cardNumber", "CARD-RE-1")).ok(201).get("id");
        for (String till : new String[] {terminalKey, kiosk}) {
            get("/api/v1/members", till).problem(403);
            get("/api/v1/members?q=Lou", till).problem(403);
            get("/api/v1/members?offset=0&limit=100", till).problem(403);
            get("/api/v1/members/" + m + "/export", till).problem(403);
            assertThat(get("/api/v1/members?cardNumber=CARD-RE-1", till).ok(200).json().path("items")).hasSize(1);
        }
        get("/api/v1/members", app).problem(403);
        get("/api/v1/members/" + m + "/export", app).ok(200);
        get("/api/v1/members/" + m + "/export", manager).ok(200);
        get("/api/v1/members/" + m + "/export", cashier).problem(403);
        assertThat(get("/api/v1/members?q=Lou", cashier).ok(200).json().path("items")).hasSize(1);
    }

    /** Erasure cannot be undone: not by a till, a kiosk or a cashier's account; by the admin, a manager, or the member's app. */
    @Test
    void onlyTheAdminAManagerOrTheMembersAppEraseAMember() {
        String kiosk = chain.terminal(store, "KIOSK").path("apiKey").asText();
        String app = chain.terminal(store, "APP").path("apiKey").asText();
        String m = post("/api/v1/members", chain.adminToken(), Map.of("name", "Eve Erasable", "cardNumber", "CARD-ER-1")).ok(201).get("id");
        for (String token : new String[] {terminalKey, kiosk, cashier, marketer}) {
            delete("/api/v1/members/" + m, token).problem(403);
        }
        assertThat(get("/api/v1/members/" + m, chain.adminToken()).ok(200).json().path("erased").asBoolean()).isFalse();
        delete("/api/v1/members/" + m, app).ok(204);
        String other = post("/api/v1/members", chain.adminToken(), Map.of("name", "Max Erasable", "cardNumber", "CARD-ER-2")).ok(201).get("id");
        delete("/api/v1/members/" + other, manager).ok(204);
    }

    @Test
    void aRevokedTerminalKeyStopsWorkingAtOnce() {
        var t = chain.terminal(store, "CAMERA");
        String key = t.path("apiKey").asText();
        get("/api/v1/terminals/me", key).ok(200);
        delete("/api/v1/stores/" + store + "/terminals/" + t.path("id").asText(), chain.adminToken()).ok(204);
        get("/api/v1/terminals/me", key).problem(401);
        var listed = get("/api/v1/stores/" + store + "/terminals", chain.adminToken()).ok(200).json();
        boolean revokedShown = false;
        for (var n : listed) {
            assertThat(n.path("apiKey").isNull() || n.path("apiKey").isMissingNode()).isTrue();
            if (n.path("id").asText().equals(t.path("id").asText())) {
                revokedShown = !n.path("revokedAt").isNull();
            }
        }
        assertThat(revokedShown).isTrue();
    }

    @Test
    void roleChangesAndDeactivationTakeEffectOnTheNextRequest() {
        Reply created = post("/api/v1/users", chain.adminToken(),
                Map.of("username", "temp", "password", PASSWORD, "roles", new String[] {"CASHIER"})).ok(201);
        String id = created.get("id");
        assertThat(created.body()).doesNotContain("password").doesNotContain("pbkdf2");
        String token = staffToken(chain.slug(), "temp", PASSWORD);
        post("/api/v1/stores", token, Map.of("name", "X", "code", "P1")).problem(403);
        patch("/api/v1/users/" + id, chain.adminToken(), Map.of("roles", new String[] {"TENANT_ADMIN"})).ok(200);
        post("/api/v1/stores", token, Map.of("name", "X", "code", "P1")).ok(201);
        delete("/api/v1/users/" + id, chain.adminToken()).ok(204);
        get("/api/v1/stores", token).problem(401);
        post("/api/v1/auth/token", null, Map.of("tenant", chain.slug(), "username", "temp", "password", PASSWORD)).problem(401);
    }

    @Test
    void theLastAdminCannotBeRemovedOrDemoted() {
        Chain own = onboard(operator);
        String adminId = get("/api/v1/users", own.adminToken()).ok(200).json().path("items").get(0).path("id").asText();
        delete("/api/v1/users/" + adminId, own.adminToken()).problem(409);
        patch("/api/v1/users/" + adminId, own.adminToken(), Map.of("roles", new String[] {"CASHIER"})).problem(409);
        get("/api/v1/users", own.adminToken()).ok(200);
    }
}
