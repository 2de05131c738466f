package io.facecard.it.tenancy;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.it.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failed logins lock the account (and, in bulk, the source address) before any password is hashed,
 * the same whether the account exists or not; the tenant admin sees the lock and lifts it. The test
 * server trusts X-Forwarded-For from 127.0.0.1, so each test stands for a client address of its own.
 */
class LoginThrottlingIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static String operator;
    static Chain chain;

    @BeforeAll
    static void setUp() {
        operator = operatorToken();
        chain = onboard(operator);
    }

    private static HttpResponse<String> login(String from, String username, String password) throws Exception {
        String body = Api.write(Map.of("tenant", chain.slug(), "username", username, "password", password));
        HttpRequest r = HttpRequest.newBuilder(URI.create(BASE + "/api/v1/auth/token"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static String address() {
        return "198.51.100." + (1 + (int) (Math.random() * 250)) + "," + "10.0.0." + (1 + (int) (Math.random() * 250));
    }

    @Test
    void anAccountLocksAfterFiveFailuresEvenForTheRightPasswordAndTheAdminLiftsIt() throws Exception {
        String me = "locked-" + UUID.randomUUID().toString().substring(0, 8);
        String id = post("/api/v1/users", chain.adminToken(), Map.of("username", me, "password", PASSWORD, "roles", new String[] {"CASHIER"}))
                .ok(201).get("id");
        String from = address();
        for (int i = 0; i < 6; i++) {
            assertThat(login(from, me, "wrong-password-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = login(from, me, PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("/problems/login-throttled");
        long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(1L, 30L);
        // Another address does not help: the account itself is locked.
        assertThat(login(address(), me, PASSWORD).statusCode()).isEqualTo(429);

        var locks = get("/api/v1/users/login-locks", chain.adminToken()).ok(200).json();
        assertThat(locks.findValuesAsText("username")).contains(me);
        assertThat(locks.findValuesAsText("failures")).contains("6");
        get("/api/v1/users/login-locks", chain.user("cashier-" + me, "CASHIER")).problem(403);

        delete("/api/v1/users/" + id + "/login-lock", chain.adminToken()).ok(204);
        assertThat(get("/api/v1/users/login-locks", chain.adminToken()).ok(200).json().findValuesAsText("username")).doesNotContain(me);
        assertThat(login(from, me, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownUsernameIsAnsweredExactlyLikeAKnownOne() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        String from = address();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = login(from, ghost, "wrong-password-" + i);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("the username or the password is wrong");
        }
        HttpResponse<String> refused = login(from, ghost, PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("/problems/login-throttled");
        // It never shows in the admin's list: only existing accounts are listed.
        assertThat(get("/api/v1/users/login-locks", chain.adminToken()).ok(200).json().findValuesAsText("username")).doesNotContain(ghost);
    }

    @Test
    void oneAddressGuessingAcrossManyAccountsIsLockedOutEvenForAnAccountItNeverTried() throws Exception {
        String from = "203.0.113." + (1 + (int) (Math.random() * 250));
        int refusedAt = -1;
        for (int i = 0; i < 101 && refusedAt < 0; i++) {
            int status = login(from, "spray-" + i, "wrong-password").statusCode();
            if (status == 429) {
                refusedAt = i;
            } else {
                assertThat(status).isEqualTo(401);
            }
        }
        assertThat(refusedAt).as("all 101 guesses were answered 401").isEqualTo(-1);
        assertThat(login(from, "admin", PASSWORD).statusCode()).isEqualTo(429);
        assertThat(login(address(), "admin", PASSWORD).statusCode()).isEqualTo(200);
    }
}
