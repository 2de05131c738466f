package io.facecard.it.platform;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.it.Api;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Client mistakes get a clear 4xx problem, never a 500, and change nothing. */
class BadInputIT {
    static String operator;
    static Chain chain;
    static String store;

    @BeforeAll
    static void setUp() {
        operator = operatorToken();
        chain = onboard(operator);
        store = chain.store("B1");
    }

    private static int storeCount() {
        return get("/api/v1/stores?limit=200", chain.adminToken()).ok(200).json().path("items").size();
    }

    @Test
    void malformedJsonIsABadRequest() {
        int before = storeCount();
        String detail = raw("POST", "/api/v1/stores", chain.adminToken(), "{\"name\": ", "application/json").problem(400).get("detail");
        assertThat(detail).isNotBlank();
        raw("POST", "/api/v1/stores", chain.adminToken(), "[1,2", "application/json").problem(400);
        raw("POST", "/api/v1/auth/token", null, "not json", "application/json").problem(400);
        assertThat(storeCount()).isEqualTo(before);
    }

    @Test
    void anAnonymousCallerIsToldToAuthenticateBeforeAnythingAboutItsBody() {
        int before = storeCount();
        assertThat(raw("POST", "/api/v1/stores", null, "{\"name\": ", "application/json").problem(401).get("type"))
                .endsWith("/unauthenticated");
        assertThat(raw("POST", "/api/v1/members", null, "{\"name\": 5}", "application/json").problem(401).get("type"))
                .endsWith("/unauthenticated");
        assertThat(post("/api/v1/auth/token", null, Map.of("username", "nobody", "password", "wrong-password-1")).problem(401)
                .get("type")).as("logging in needs no credential").endsWith("/unauthenticated");
        assertThat(storeCount()).isEqualTo(before);
    }

    @Test
    void missingAndBlankFieldsAreNamed() {
        assertThat(post("/api/v1/stores", chain.adminToken(), Map.of("code", "X9")).problem(400).get("detail")).contains("name");
        assertThat(post("/api/v1/stores", chain.adminToken(), Map.of("name", " ", "code", "X9")).problem(400).get("detail")).contains("name");
        raw("POST", "/api/v1/stores", chain.adminToken(), "", "application/json").problem(400);
        assertThat(post("/api/v1/tenants", operator, Map.of("name", "X", "slug", "x-y", "currency", "EUR", "timezone", "UTC"))
                .problem(400).get("detail")).contains("admin");
        assertThat(post("/api/v1/tenants", operator, Map.of("name", "X", "slug", "x-y", "currency", "EUR", "timezone", "UTC",
                "admin", Map.of("password", PASSWORD))).problem(400).get("detail")).contains("username");
        assertThat(post("/api/v1/tenants", operator, Map.of("name", "X", "slug", "Bad Slug", "currency", "EUR", "timezone", "UTC",
                "admin", Map.of("username", "admin", "password", PASSWORD))).problem(400).get("detail")).contains("slug");
        assertThat(post("/api/v1/users", chain.adminToken(), Map.of("username", "shorty", "password", "short", "roles", new String[] {"CASHIER"}))
                .problem(400).get("detail")).contains("password");
        assertThat(post("/api/v1/users", chain.adminToken(), Map.of("username", "noroles", "password", PASSWORD))
                .problem(400).get("detail")).contains("roles");
    }

    @Test
    void wronglyTypedFieldsAndUnknownEnumValuesAreBadRequests() {
        post("/api/v1/stores", chain.adminToken(), Map.of("name", Map.of("a", 1), "code", "X8")).problem(400);
        String detail = post("/api/v1/stores/" + store + "/terminals", chain.adminToken(), Map.of("kind", "TOASTER", "name", "T"))
                .problem(400).get("detail");
        assertThat(detail).contains("TOASTER").contains("POS").doesNotContain("io.facecard");
        String roles = post("/api/v1/users", chain.adminToken(),
                Map.of("username", "godmode", "password", PASSWORD, "roles", new String[] {"SUPERUSER"})).problem(400).get("detail");
        assertThat(roles).contains("SUPERUSER");
        get("/api/v1/stores?limit=abc", chain.adminToken()).problem(404);
        get("/api/v1/stores?limit=100000", chain.adminToken()).problem(400);
        get("/api/v1/stores?offset=-1", chain.adminToken()).problem(400);
    }

    @Test
    void oversizeBodiesAreRefusedWith413() {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"code\":\"BIG\"}";
        raw("POST", "/api/v1/stores", chain.adminToken(), big, "application/json").problem(413);
        assertThat(get("/api/v1/stores?limit=200", chain.adminToken()).body()).doesNotContain("BIG");
    }

    @Test
    void theWrongContentTypeIsRefusedWith415() {
        raw("POST", "/api/v1/stores", chain.adminToken(), "name=x", "application/x-www-form-urlencoded").problem(415);
    }

    @Test
    void unknownPathsMethodsAndIdsAreProblems() {
        get("/api/v1/nothing-here", chain.adminToken()).problem(404);
        // Outside the API the servlet container answers, through the application's error page.
        assertThat(get("/nothing-here.html", null).problem(404).get("type")).endsWith("/not-found");
        get("/api/v1/stores/not-a-uuid", chain.adminToken()).problem(404);
        call("PUT", "/api/v1/stores/" + store, chain.adminToken(), Map.of("name", "x")).problem(405);
    }

    @Test
    void duplicatesAreConflictsThatKeepTheOriginal() {
        post("/api/v1/stores", chain.adminToken(), Map.of("name", "Copy", "code", "B1")).problem(409);
        chain.user("dupe", "CASHIER");
        post("/api/v1/users", chain.adminToken(), Map.of("username", "DUPE", "password", PASSWORD, "roles", new String[] {"MARKETER"}))
                .problem(409);
        assertThat(get("/api/v1/stores/" + store, chain.adminToken()).get("name")).isEqualTo("Store B1");
        staffToken(chain.slug(), "dupe", PASSWORD);
    }

    @Test
    void aBadBearerTokenIsUnauthenticated() {
        get("/api/v1/stores", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").problem(401);
        String token = chain.adminToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        get("/api/v1/stores", tampered).problem(401);
        raw("GET", "/api/v1/stores", null, null, null).problem(401);
    }
}
