package io.facecard.it.tenancy;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.it.Api;
import io.facecard.it.Eventually;
import io.facecard.it.Photos;
import io.facecard.it.Till;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator sets a tenant's share; a credential past its rate and a tenant past its face share
 * get 429 with Retry-After (never a 5xx), while another tenant's calls go on being answered.
 */
class FairShareIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static String operator;
    static Chain noisy;
    static Chain quiet;

    @BeforeAll
    static void setUp() {
        operator = operatorToken();
        noisy = onboard(operator);
        quiet = onboard(operator);
    }

    private static HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).header("Authorization", "Bearer " + token);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOperatorSetsLimitsAndNonsenseChangesNothing() throws InterruptedException {
        var defaults = get("/api/v1/tenants/" + quiet.id(), operator).ok(200).json().path("limits");
        assertThat(defaults.path("requestsPerSecond").asInt()).isEqualTo(50);
        patch("/api/v1/tenants/" + quiet.id(), operator, Map.of("limits", Map.of("requestsPerSecond", 10, "burst", 5))).problem(400);
        patch("/api/v1/tenants/" + quiet.id(), operator, Map.of("limits", Map.of("faceConcurrency", 0))).problem(400);
        patch("/api/v1/tenants/" + quiet.id(), quiet.adminToken(), Map.of("limits", Map.of("burst", 500))).problem(403);
        assertThat(get("/api/v1/tenants/" + quiet.id(), operator).ok(200).json().path("limits")).isEqualTo(defaults);

        var changed = patch("/api/v1/tenants/" + quiet.id(), operator, Map.of("limits", Map.of("burst", 120))).ok(200).json();
        assertThat(changed.path("limits").path("burst").asInt()).isEqualTo(120);
        assertThat(changed.path("limits").path("requestsPerSecond").asInt()).isEqualTo(50);
        // The history is projected asynchronously.
        List<String> events = Eventually.until("LIMITS_SET in the history", Duration.ofSeconds(10),
                () -> get("/api/v1/tenants/" + quiet.id() + "/history", operator).ok(200).json().findValuesAsText("event"),
                e -> e.contains("LIMITS_SET"));
        assertThat(events).contains("LIMITS_SET");
    }

    @Test
    void aTillPastItsRateIsToldToWaitWhileAnotherTenantsTillIsServed() throws Exception {
        Chain slow = onboard(operator);
        patch("/api/v1/tenants/" + slow.id(), operator, Map.of("limits", Map.of("requestsPerSecond", 2, "burst", 3))).ok(200);
        Till flooding = Till.of(slow, "F1");
        Till other = Till.of(quiet, "Q9");
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = send("GET", "/api/v1/terminals/me", flooding.token, null, null);
            if (r.statusCode() == 429) {
                refused++;
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(r.body()).contains("/problems/rate-limited");
                assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
            }
            assertThat(send("GET", "/api/v1/terminals/me", other.token, null, null).statusCode()).isEqualTo(200);
        }
        assertThat(refused).as("10 calls in well under a second against 2/s with bursts of 3").isGreaterThanOrEqualTo(5);
        Thread.sleep(1_100); // the bucket refills: the flood is over, so the next call goes through
        assertThat(send("GET", "/api/v1/terminals/me", flooding.token, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aTenantPastItsFaceShareGets429sAndAnotherTenantStillGetsAnswers() throws Exception {
        patch("/api/v1/tenants/" + noisy.id(), operator, Map.of("limits", Map.of("faceConcurrency", 1))).ok(200);
        byte[] photo = Photos.people().get(0);
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> floods = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                floods.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        HttpResponse<String> r = send("POST", "/api/v1/identify", noisy.adminToken(), "image/jpeg", photo);
                        if (r.statusCode() == 429) {
                            assertThat(r.body()).contains("/problems/face-capacity");
                            assertThat(r.headers().firstValue("Retry-After")).isPresent();
                        }
                        statuses.add(r.statusCode());
                    }
                    return statuses;
                }));
            }
            start.countDown();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> r = send("POST", "/api/v1/identify", quiet.adminToken(), "image/jpeg", photo);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : floods) {
                all.addAll(f.get());
            }
            assertThat(all).allMatch(s -> s == 200 || s == 429);
            assertThat(all).contains(200, 429);
        } finally {
            pool.shutdownNow();
        }
    }
}
