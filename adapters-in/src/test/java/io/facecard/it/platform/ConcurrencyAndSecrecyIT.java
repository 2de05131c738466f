package io.facecard.it.platform;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.it.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyAndSecrecyIT {

    @Test
    void concurrentOnboardingsOfOneSlugCreateExactlyOneTenant() throws Exception {
        String operator = operatorToken();
        String slug = "race-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> statuses = parallel(8, () -> post("/api/v1/tenants", operator, Map.of(
                "name", "Race", "slug", slug, "currency", "EUR", "timezone", "UTC",
                "admin", Map.of("username", "admin", "password", PASSWORD))).status());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        staffToken(slug, "admin", PASSWORD);
    }

    @Test
    void concurrentStoresWithOneCodeCreateExactlyOneStore() throws Exception {
        Chain chain = onboard(operatorToken());
        List<Integer> statuses = parallel(8, () -> post("/api/v1/stores", chain.adminToken(),
                Map.of("name", "Same", "code", "DUP")).status());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(get("/api/v1/stores", chain.adminToken()).json().path("items").size()).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsWithOnePhoneCreateExactlyOneMember() throws Exception {
        Chain chain = onboard(operatorToken());
        List<Integer> statuses = parallel(8, () -> post("/api/v1/members", chain.adminToken(),
                Map.of("name", "Twin", "phone", "+49 30 5550 1234")).status());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(get("/api/v1/members?phone=%2B493055501234", chain.adminToken()).json().path("items").size()).isEqualTo(1);
    }

    @Test
    void claimsHoldKeyedHashesOnlyAndErasureReleasesThem() throws Exception {
        Chain chain = onboard(operatorToken());
        String id = post("/api/v1/members", chain.adminToken(), Map.of("name", "Claimed", "phone", "+4930777001",
                "email", "claimed@example.org", "cardNumber", "CLAIM-0001")).ok(201).json().path("id").asText();
        // Claims hold digests, never values: only the stored rows can show it.
        try (var c = database(); var q = c.prepareStatement("select string_agg(kind || ':' || encode(digest, 'hex'), ' ') "
                + "from member_claim where tenant_id = ?::uuid and member_id = ?::uuid")) {
            c.setAutoCommit(false);
            c.createStatement().execute("select set_config('app.tenant_id', '" + chain.id() + "', true)");
            q.setString(1, chain.id());
            q.setString(2, id);
            try (var r = q.executeQuery()) {
                r.next();
                assertThat(r.getString(1)).contains("PHONE:", "EMAIL:", "CARD:")
                        .doesNotContain("4930777001").doesNotContain("claimed").doesNotContain("CLAIM");
            }
        }
        post("/api/v1/members", chain.adminToken(), Map.of("name", "Second", "cardNumber", "claim-0001")).problem(409);
        delete("/api/v1/members/" + id, chain.adminToken()).ok(204);
        post("/api/v1/members", chain.adminToken(), Map.of("name", "After erasure", "phone", "+4930777001",
                "cardNumber", "CLAIM-0001")).ok(201);
    }

    @Test
    void neitherPasswordsNorTokensNorKeysReachTheServerLog() throws IOException {
        Chain chain = onboard(operatorToken());
        String key = chain.terminal(chain.store("L1"), "POS").path("apiKey").asText();
        get("/api/v1/terminals/me", key).ok(200);
        post("/api/v1/auth/token", null, Map.of("tenant", chain.slug(), "username", "admin", "password", "wrong-but-secret-42")).problem(401);
        Path log = Path.of(System.getProperty("facecard.server.log"));
        String text = Files.readString(log);
        assertThat(text).isNotEmpty()
                .doesNotContain(PASSWORD)
                .doesNotContain(OPERATOR_PASSWORD)
                .doesNotContain("wrong-but-secret-42")
                .doesNotContain(key)
                .doesNotContain(chain.adminToken())
                .doesNotContain("pbkdf2-sha256$");
    }

    private static List<Integer> parallel(int n, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
