package io.facecard.it.crm;

import static io.facecard.it.Api.get;
import static io.facecard.it.Api.patch;
import static io.facecard.it.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.fakes.FakeCrm;
import io.facecard.it.Api;
import io.facecard.it.Api.Chain;
import io.facecard.it.Eventually;
import io.facecard.it.Fakes;
import io.facecard.it.Till;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CRM sync out against the sandbox's receiver, which checks signatures independently of the platform's code. The test
 * server's delivery policy is shortened (retries after 1–2 s, a window of 12 s) so giving up and disabling are seen here.
 */
class CrmWebhooksIT {
    static Chain chain;
    static FakeCrm receiver;

    @BeforeAll
    static void chain() {
        receiver = Fakes.sandbox().crm();
        Api.awaitReady();
        chain = Api.onboard(Api.operatorToken());
    }

    /** Registers an endpoint at the receiver under {@code name} and gives the receiver its secret. */
    static String endpoint(String name, boolean personal, String... events) {
        JsonNode r = post("/api/v1/crm/webhooks", chain.adminToken(), Map.of("url", receiver.url() + name, "events", List.of(events),
                "personalData", personal)).ok(201).json();
        String secret = r.path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        receiver.secret(name, secret);
        return r.path("endpoint").path("id").asText();
    }

    static List<FakeCrm.Received> delivered(String name, int atLeast) {
        return Eventually.until("deliveries at " + name, Duration.ofSeconds(30), () -> receiver.received(name).stream()
                .filter(r -> r.answered() == 204).toList(), l -> l.size() >= atLeast);
    }

    static JsonNode body(FakeCrm.Received r) {
        try {
            return Api.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String member(String name, String email) {
        return post("/api/v1/members", chain.adminToken(), Map.of("name", name, "email", email, "cardNumber",
                "C" + UUID.randomUUID().toString().substring(0, 10))).ok(201).get("id");
    }

    @Test
    void aMembersEventsArriveSignedInOrderWithPersonalDataOnlyWhereChosenAndNothingPersonalAfterErasure() {
        String full = "full-" + UUID.randomUUID();
        String lean = "lean-" + UUID.randomUUID();
        String fullId = endpoint(full, true, "member.registered", "member.changed", "points.changed", "consent.changed", "member.erased");
        endpoint(lean, false, "member.registered", "member.erased");
        assertThat(get("/api/v1/crm/webhooks/" + fullId, chain.adminToken()).ok(200).body()).doesNotContain("whsec_");

        String m = member("Ada Webhook", "ada@example.com");
        new Till(chain.adminToken()).post("/api/v1/members/" + m + "/adjustments", Map.of("points", 40, "reason", "welcome")).ok(201);
        patch("/api/v1/members/" + m, chain.adminToken(), Map.of("email", "ada.new@example.com")).ok(200);
        post("/api/v1/members/" + m + "/consents", chain.adminToken(), Map.of("purpose", "MARKETING_PUSH", "granted", true,
                "policyVersion", "2026-12", "source", "APP")).ok(201);
        Api.delete("/api/v1/members/" + m, chain.adminToken()).ok(204);

        List<FakeCrm.Received> got = delivered(full, 5);
        assertThat(got).allSatisfy(r -> assertThat(r.verified()).isTrue());
        assertThat(got.stream().map(r -> body(r).path("type").asText()).toList())
                .containsExactly("member.registered", "points.changed", "member.changed", "consent.changed", "member.erased");
        assertThat(new HashSet<>(got.stream().map(FakeCrm.Received::id).toList())).hasSize(5);
        JsonNode registered = body(got.get(0)).path("data");
        assertThat(registered.path("memberId").asText()).isEqualTo(m);
        // Personal data is read at sending: the registration may already show the changed address, never anything after erasure.
        assertThat(got.get(0).body()).doesNotContain("webhook-secret");
        assertThat(body(got.get(1)).path("data").path("points").asLong()).isEqualTo(40);
        assertThat(body(got.get(4)).path("data").properties()).extracting(Map.Entry::getKey).containsExactly("memberId");
        assertThat(got.get(4).body()).doesNotContain("Ada").doesNotContain("example.com");

        List<FakeCrm.Received> leanGot = delivered(lean, 2);
        assertThat(leanGot.get(0).body()).contains(m).doesNotContain("Ada").doesNotContain("example.com");

        JsonNode log = get("/api/v1/crm/webhooks/" + fullId + "/deliveries", chain.adminToken()).ok(200).json().path("items");
        assertThat(log).hasSize(5);
        assertThat(log.get(0).path("type").asText()).isEqualTo("member.erased");
        assertThat(log).allSatisfy(d -> {
            assertThat(d.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(d.path("lastStatus").asInt()).isEqualTo(204);
        });
    }

    @Test
    void aFailingReceiverGetsRetriesWhileTheMembersNextEventWaitsThenAnEndpointFailingForTheWindowIsDisabledAndCanBeReplayed() {
        String flaky = "flaky-" + UUID.randomUUID();
        String flakyId = endpoint(flaky, false, "member.registered", "member.changed");
        receiver.fail(flaky, 503, 2);
        String m = member("Bo Retry", "bo@example.com");
        patch("/api/v1/members/" + m, chain.adminToken(), Map.of("name", "Bo Retried")).ok(200);

        List<FakeCrm.Received> ok = delivered(flaky, 2);
        List<FakeCrm.Received> all = receiver.received(flaky);
        assertThat(all.stream().map(FakeCrm.Received::answered).toList()).containsExactly(503, 503, 204, 204);
        assertThat(all.subList(0, 3).stream().map(FakeCrm.Received::id).distinct().toList()).hasSize(1); // one delivery, retried
        assertThat(ok.stream().map(r -> body(r).path("type").asText()).toList()).containsExactly("member.registered", "member.changed");
        JsonNode first = get("/api/v1/crm/webhooks/" + flakyId + "/deliveries/" + all.get(0).id(), chain.adminToken()).ok(200).json();
        assertThat(first.path("attempts").asInt()).isEqualTo(3);
        assertThat(first.path("status").asText()).isEqualTo("DELIVERED");

        String down = "down-" + UUID.randomUUID();
        String downId = endpoint(down, false, "member.registered");
        receiver.fail(down, 500, -1);
        member("Cy Down", "cy@example.com");
        JsonNode disabled = Eventually.until("the endpoint disabled", Duration.ofSeconds(40),
                () -> get("/api/v1/crm/webhooks/" + downId, chain.adminToken()).ok(200).json(), e -> e.path("status").asText().equals("DISABLED"));
        assertThat(disabled.path("disabledReason").asText()).contains("answered 500");
        JsonNode failed = Eventually.until("the delivery given up", Duration.ofSeconds(20),
                () -> get("/api/v1/crm/webhooks/" + downId + "/deliveries", chain.adminToken()).ok(200).json().path("items").get(0),
                d -> d.path("status").asText().equals("FAILED"));
        assertThat(failed.path("lastStatus").asInt()).isEqualTo(500);
        int tried = receiver.received(down).size();
        assertThat(tried).isGreaterThanOrEqualTo(3);

        // Disabled: new events are not queued for it; enabling and replaying sends the failed one under its own id. The
        // active flaky endpoint hearing the new member shows the event was handled while "down" was still disabled.
        String later = member("Di Later", "di@example.com");
        Eventually.until("the new member's event handled", Duration.ofSeconds(30), () -> receiver.received(flaky),
                l -> l.stream().anyMatch(r -> r.answered() == 204 && r.body().contains(later)));
        receiver.fail(down, 0, 0);
        patch("/api/v1/crm/webhooks/" + downId, chain.adminToken(), Map.of("enabled", true)).ok(200);
        post("/api/v1/crm/webhooks/" + downId + "/deliveries/" + failed.path("id").asText() + "/replay", chain.adminToken(), null).ok(202);
        List<FakeCrm.Received> replayed = delivered(down, 1);
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0).id()).isEqualTo(failed.path("id").asText());
        post("/api/v1/crm/webhooks/" + downId + "/deliveries/" + failed.path("id").asText() + "/replay", chain.adminToken(), null);
        Eventually.until("replayed again", Duration.ofSeconds(20), () -> delivered(down, 1).size(), n -> n == 2);
        post("/api/v1/crm/webhooks/" + downId + "/ping", chain.adminToken(), null).ok(202);
        assertThat(body(delivered(down, 3).get(2)).path("type").asText()).isEqualTo("webhook.ping");
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneForTheOverlap() {
        String name = "rot-" + UUID.randomUUID();
        String id = endpoint(name, false, "member.registered");
        JsonNode rotated = post("/api/v1/crm/webhooks/" + id + "/secret", chain.adminToken(), Map.of("overlapHours", 2)).ok(200).json();
        assertThat(rotated.path("endpoint").path("secretFingerprints")).hasSize(2);
        assertThat(rotated.path("endpoint").path("previousSecretUntil").asText()).isNotEmpty();
        post("/api/v1/crm/webhooks/" + id + "/ping", chain.adminToken(), null).ok(202);
        FakeCrm.Received r = delivered(name, 1).get(0);
        assertThat(r.verified()).isTrue(); // the receiver still holds only the old secret
        assertThat(r.signature().split(" ")).hasSize(2);

        String fresh = "rot-new-" + UUID.randomUUID();
        receiver.secret(fresh, rotated.path("secret").asText());
        patch("/api/v1/crm/webhooks/" + id, chain.adminToken(), Map.of("url", receiver.url() + fresh)).ok(200);
        post("/api/v1/crm/webhooks/" + id + "/secret", chain.adminToken(), Map.of("overlapHours", 0)).ok(200);
        post("/api/v1/crm/webhooks/" + id + "/ping", chain.adminToken(), null).ok(202);
        FakeCrm.Received refused = Eventually.until("a refused ping", Duration.ofSeconds(20), () -> receiver.received(fresh),
                l -> !l.isEmpty()).get(0);
        assertThat(refused.verified()).isFalse(); // overlap 0: the secret the receiver knows stopped signing at once
        assertThat(refused.signature().split(" ")).hasSize(1);
    }

    @Test
    void theEdgeRefusesBadBodiesOtherRolesAndOtherTenants() {
        String admin = chain.adminToken();
        post("/api/v1/crm/webhooks", admin, Map.of("url", "http://10.0.0.8/hooks", "events", List.of("member.registered"))).problem(422);
        post("/api/v1/crm/webhooks", admin, Map.of("url", "https://169.254.169.254/latest", "events", List.of("member.registered"))).problem(422);
        post("/api/v1/crm/webhooks", admin, Map.of("url", receiver.url() + "x", "events", List.of("member.deleted"))).problem(400);
        post("/api/v1/crm/webhooks", admin, Map.of("url", receiver.url() + "x", "events", List.of())).problem(400);
        post("/api/v1/crm/webhooks", admin, Map.of("url", receiver.url() + "x", "events", List.of("member.registered"), "personalData", "true"))
                .problem(400);
        post("/api/v1/crm/webhooks", admin, Map.of("url", receiver.url() + "x", "events", List.of("member.registered"), "secret", "mine"))
                .problem(400);
        String id = endpoint("edge-" + UUID.randomUUID(), false, "member.registered");
        post("/api/v1/crm/webhooks/" + id + "/secret", admin, Map.of("overlapHours", 1000)).problem(400);
        patch("/api/v1/crm/webhooks/" + id, admin, Map.of()).problem(400);
        get("/api/v1/crm/webhooks/" + id + "/deliveries?limit=0", admin).problem(400);
        get("/api/v1/crm/webhooks/" + id + "/deliveries?status=SENT", admin).problem(400);
        get("/api/v1/crm/webhooks/not-a-uuid", admin).problem(404);

        String marketer = chain.user("crm-marketer-" + UUID.randomUUID().toString().substring(0, 6), "MARKETER");
        get("/api/v1/crm/webhooks", marketer).problem(403);
        post("/api/v1/crm/webhooks", marketer, Map.of("url", receiver.url() + "x", "events", List.of("member.registered"))).problem(403);

        Chain other = Api.onboard(Api.operatorToken());
        get("/api/v1/crm/webhooks/" + id, other.adminToken()).problem(404);
        get("/api/v1/crm/webhooks/" + id + "/deliveries", other.adminToken()).problem(404);
        patch("/api/v1/crm/webhooks/" + id, other.adminToken(), Map.of("enabled", false)).problem(404);
        Api.delete("/api/v1/crm/webhooks/" + id, other.adminToken()).problem(404);
        assertThat(get("/api/v1/crm/webhooks", other.adminToken()).ok(200).json().path("items")).isEmpty();
        assertThat(get("/api/v1/crm/webhooks/" + id, admin).ok(200).get("status")).isEqualTo("ACTIVE");
    }
}
