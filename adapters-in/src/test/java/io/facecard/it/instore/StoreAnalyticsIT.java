package io.facecard.it.instore;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Eventually;
import io.facecard.it.Photos;
import io.facecard.it.biometrics.TemplateRefreshIT;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Store analytics over HTTP with the real models: cameras placed and posting, a member's visit opened at the entrance
 * and closed at the exit, a passer-by counted once and kept nowhere, a BANNED face raising one alert episode pushed
 * over Server-Sent Events (and not again after a reconnect with Last-Event-ID), roles, and another tenant seeing none of it.
 */
public class StoreAnalyticsIT {
    static List<byte[]> people;

    @BeforeAll
    static void photos() throws Exception {
        people = Photos.people();
    }

    record Store(Chain chain, String id, String entrance, String exit) {}

    static Store storeWithCameras(Chain c) {
        String store = c.store("S-" + System.nanoTime() % 100000);
        JsonNode in = c.terminal(store, "CAMERA");
        JsonNode out = c.terminal(store, "CAMERA");
        call("PUT", "/api/v1/stores/" + store + "/cameras/" + in.path("id").asText(), c.adminToken(), Map.of("placement", "ENTRANCE")).ok(200);
        call("PUT", "/api/v1/stores/" + store + "/cameras/" + out.path("id").asText(), c.adminToken(), Map.of("placement", "EXIT")).ok(200);
        return new Store(c, store, in.path("apiKey").asText(), out.path("apiKey").asText());
    }

    static Reply sighting(String cameraKey, Instant at, byte[]... images) {
        List<String> encoded = new ArrayList<>();
        for (byte[] i : images) {
            encoded.add(Base64.getEncoder().encodeToString(i));
        }
        return post("/api/v1/camera/sightings", cameraKey, Map.of("capturedAt", at.toString(), "images", encoded));
    }

    static JsonNode visits(Chain c, String member) {
        return get("/api/v1/visits?memberId=" + member, c.adminToken()).ok(200).json().path("items");
    }

    static JsonNode today(Store s) {
        Instant day = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        return get("/api/v1/stores/" + s.id() + "/traffic?from=" + day.minus(Duration.ofDays(1)) + "&to=" + day.plus(Duration.ofDays(2))
                + "&by=week", s.chain().adminToken()).ok(200).json();
    }

    static long footfall(Store s) {
        long n = 0;
        for (JsonNode b : today(s).path("buckets")) {
            n += b.path("footfall").asLong();
        }
        return n;
    }

    static long segmentCount(String marketer, Map<String, Object> leaf) {
        return post("/api/v1/segments/preview", marketer, Map.of("condition", leaf)).ok(200).json().path("count").asLong();
    }

    @Test
    void aMembersVisitOpensAtTheEntranceAndClosesAtTheExitWhileAPasserByIsOnlyCounted() throws Exception {
        Chain c = onboard(operatorToken());
        Store s = storeWithCameras(c);
        String member = TemplateRefreshIT.enrolled(c, "+4915100027001", people.get(1));
        Instant in = Instant.now().minusSeconds(1200);
        assertThat(sighting(s.entrance(), in, Photos.altered(people.get(1)), people.get(2)).ok(202).json().path("accepted").asInt()).isEqualTo(2);

        JsonNode open = Eventually.until("the member's visit opens", Duration.ofSeconds(30), () -> visits(c, member), v -> v.size() == 1);
        assertThat(open.get(0).path("firstVisit").asBoolean()).isTrue();
        assertThat(open.get(0).path("closedAt").isMissingNode() || open.get(0).path("closedAt").isNull()).isTrue();
        Eventually.until("both are counted", Duration.ofSeconds(30), () -> footfall(s), n -> n == 2);

        // The passer-by again at the entrance, then both leave: counted once, and the member's visit closes.
        sighting(s.entrance(), in.plusSeconds(60), Photos.rescaled(people.get(2))).ok(202);
        sighting(s.exit(), in.plusSeconds(900), people.get(1), Photos.altered(people.get(2))).ok(202);
        JsonNode closed = Eventually.until("the visit closes at the exit", Duration.ofSeconds(30), () -> visits(c, member),
                v -> v.size() == 1 && v.get(0).path("closeReason").asText().equals("EXIT"));
        assertThat(closed.get(0).path("dwellSeconds").asLong()).isEqualTo(900);
        assertThat(closed.get(0).has("exitMood")).isTrue();

        JsonNode report = Eventually.until("the exits are read", Duration.ofSeconds(30), () -> today(s),
                r -> r.path("serviceQuality").path("visits").asLong() == 2);
        JsonNode bucket = report.path("buckets").get(0);
        assertThat(bucket.path("footfall").asLong()).as("the passer-by is counted once").isEqualTo(2);
        assertThat(bucket.path("members").asLong()).isEqualTo(1);
        assertThat(bucket.path("newMembers").asLong()).isEqualTo(1);
        assertThat(bucket.path("male").asLong() + bucket.path("female").asLong()).isEqualTo(2);
        long banded = 0;
        for (JsonNode n : bucket.path("ageBands")) {
            banded += n.asLong();
        }
        assertThat(banded).isEqualTo(2);

        // Nothing of the passer-by reached the database but counts: the only face column of the context is the lists'.
        try (Connection db = database()) {
            ResultSet r = db.createStatement().executeQuery("select table_name, column_name from information_schema.columns "
                    + "where table_name like 'instore_%' and udt_name = 'vector'");
            List<String> faceColumns = new ArrayList<>();
            while (r.next()) {
                faceColumns.add(r.getString(1) + "." + r.getString(2));
            }
            assertThat(faceColumns).containsExactly("instore_watch_entry.embedding");
        }

        // A new visit of the same member is a returning one.
        sighting(s.entrance(), Instant.now().minusSeconds(30), Photos.rescaled(people.get(1))).ok(202);
        JsonNode again = Eventually.until("a second visit", Duration.ofSeconds(30), () -> visits(c, member), v -> v.size() == 2);
        assertThat(again.get(0).path("firstVisit").asBoolean()).isFalse();
        JsonNode weeks = today(s).path("buckets");
        JsonNode week = weeks.get(weeks.size() - 1);
        assertThat(week.path("visits").asLong()).isEqualTo(2);
        assertThat(week.path("uniqueMembers").asLong()).isEqualTo(1);
        assertThat(week.path("visitsPerMember").asDouble()).isEqualTo(2.0);
        assertThat(week.path("medianReturnDays").asDouble()).isBetween(0.01, 0.02); // about 19 minutes

        // Visits feed segments: two store visits, one of them ended without a receipt.
        String marketer = c.user("marketer", "MARKETER");
        assertThat(segmentCount(marketer, Map.of("event", "storeVisit", "withinDays", 30, "minCount", 2))).isEqualTo(1);
        assertThat(segmentCount(marketer, Map.of("event", "storeVisit", "withinDays", 30, "minCount", 3))).isZero();
        assertThat(segmentCount(marketer, Map.of("event", "visitWithoutPurchase", "withinDays", 7))).isEqualTo(1);

        // A search by photo finds the member, and the member's export shows their visits and that search.
        JsonNode found = post("/api/v1/visits/search", c.adminToken(), Map.of("photo", Base64.getEncoder().encodeToString(
                Photos.altered(people.get(1))), "reason", "customer asked which stores they visited")).ok(200).json();
        assertThat(found.path("memberId").asText()).isEqualTo(member);
        assertThat(found.path("visits").size()).isEqualTo(2);
        JsonNode export = get("/api/v1/members/" + member + "/export", c.adminToken()).ok(200).json();
        assertThat(export.path("visits").size()).isEqualTo(2);
        assertThat(export.path("searches").findValuesAsText("reason")).containsExactly("customer asked which stores they visited");

        // Erasure takes every visit with it.
        delete("/api/v1/members/" + member, c.adminToken()).ok(204);
        assertThat(visits(c, member)).isEmpty();
        assertThat(segmentCount(marketer, Map.of("event", "storeVisit", "withinDays", 30))).isZero();
    }

    @Test
    void aBannedFaceRaisesOneAlertEpisodePushedToTheStoresDevicesAndAcknowledged() throws Exception {
        Chain c = onboard(operatorToken());
        Store s = storeWithCameras(c);
        String list = post("/api/v1/watch-lists", c.adminToken(), Map.of("name", "Banned", "kind", "BANNED")).ok(201).get("id");
        JsonNode entry = post("/api/v1/watch-lists/" + list + "/entries", c.adminToken(), Map.of(
                "photo", Base64.getEncoder().encodeToString(people.get(3)), "label", "incident 4411", "reason", "shoplifting, report 88-12"))
                .ok(201).json();
        assertThat(entry.path("expiresAt").asText()).as("BANNED entries lapse by default").isNotEmpty();
        String pos = c.terminal(s.id(), "POS").path("apiKey").asText();

        try (Stream stream = Stream.open("/api/v1/alerts/stream", pos, null)) {
            Instant at = Instant.now();
            sighting(s.entrance(), at, Photos.altered(people.get(3))).ok(202);
            sighting(s.entrance(), at.plusSeconds(5), Photos.rescaled(people.get(3))).ok(202);
            JsonNode alert = stream.next(Duration.ofSeconds(30));
            assertThat(alert.path("kind").asText()).isEqualTo("BANNED");
            assertThat(alert.path("label").asText()).isEqualTo("incident 4411");
            assertThat(alert.path("storeId").asText()).isEqualTo(s.id());
            Eventually.until("both frames read", Duration.ofSeconds(30),
                    () -> get("/api/v1/alerts", c.adminToken()).ok(200).json().path("items"), items -> items.size() >= 1);
            Thread.sleep(3000);
            assertThat(get("/api/v1/alerts", c.adminToken()).ok(200).json().path("items").size()).as("one episode, not one per frame").isEqualTo(1);

            long id = alert.path("id").asLong();
            try (Stream resumed = Stream.open("/api/v1/alerts/stream", pos, Long.toString(id - 1))) {
                assertThat(resumed.next(Duration.ofSeconds(10)).path("id").asLong()).as("resumed after Last-Event-ID").isEqualTo(id);
            }
            JsonNode acked = post("/api/v1/alerts/" + id + "/acknowledgement", pos, Map.of()).ok(200).json();
            assertThat(acked.path("acknowledgedBy").asText()).startsWith("terminal:");
        }

        JsonNode audit = get("/api/v1/visits/searches", c.adminToken()).ok(200).json().path("items");
        assertThat(audit.findValuesAsText("action")).contains("WATCH_ENTRY_ADDED:BANNED");
    }

    @Test
    void aTillTakesAnUnsureMatchWithoutDigitsWhenTheEntranceSawTheMember() {
        Chain c = onboard(operatorToken());
        // Every till match of this tenant falls in the unsure band: without presence it asks for the phone's digits.
        call("PUT", "/api/v1/face-settings", c.adminToken(), Map.of("confidentThreshold", 0.99)).ok(200);
        Store s = storeWithCameras(c);
        String otherStore = c.store("OTHER-" + System.nanoTime() % 100000);
        String till = c.terminal(s.id(), "POS").path("apiKey").asText();
        String elsewhere = c.terminal(otherStore, "POS").path("apiKey").asText();
        String member = TemplateRefreshIT.enrolled(c, "+4915100027002", people.get(2));
        assertThat(jpeg("/api/v1/identify", till, Photos.altered(people.get(2))).ok(200).get("decision")).isEqualTo("CONFIRM");

        sighting(s.entrance(), Instant.now().minusSeconds(5), Photos.rescaled(people.get(2))).ok(202);
        Eventually.until("the entrance sees the member", Duration.ofSeconds(30), () -> visits(c, member), v -> v.size() == 1);
        JsonNode here = jpeg("/api/v1/identify", till, Photos.altered(people.get(2))).ok(200).json();
        assertThat(here.path("decision").asText()).isEqualTo("MATCH");
        assertThat(here.path("hint").asText()).isEqualTo("SEEN_IN_STORE");
        assertThat(here.path("member").path("id").asText()).isEqualTo(member);
        assertThat(jpeg("/api/v1/identify", elsewhere, Photos.altered(people.get(2))).ok(200).get("decision"))
                .as("another store's till still asks").isEqualTo("CONFIRM");
    }

    @Test
    void rolesAndTheContractHoldAtTheEdge() {
        Chain c = onboard(operatorToken());
        Store s = storeWithCameras(c);
        String store = s.id();
        JsonNode unplaced = c.terminal(store, "CAMERA");
        sighting(unplaced.path("apiKey").asText(), Instant.now(), people.get(0)).problem(409);
        String pos = c.terminal(store, "POS").path("apiKey").asText();
        sighting(pos, Instant.now(), people.get(0)).problem(403);
        sighting(s.entrance(), Instant.now().plusSeconds(3600), people.get(0)).problem(400);
        post("/api/v1/camera/sightings", s.entrance(), Map.of("capturedAt", "yesterday", "images", List.of("AAAA"))).problem(400);
        post("/api/v1/camera/sightings", s.entrance(), Map.of("capturedAt", Instant.now().toString(), "images", List.of())).problem(400);
        String marketer = c.user("marketer", "MARKETER");
        post("/api/v1/watch-lists", marketer, Map.of("name", "VIPs", "kind", "VIP")).problem(403);
        get("/api/v1/stores/" + store + "/traffic?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z", marketer).ok(200);
        get("/api/v1/visits/searches", marketer).problem(403);
        get("/api/v1/stores/" + store + "/traffic?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", c.adminToken()).problem(400);
        post("/api/v1/visits/search", c.adminToken(), Map.of("photo", Base64.getEncoder().encodeToString(people.get(0)))).problem(400);
        post("/api/v1/watch-lists", c.adminToken(), Map.of("name", "VIPs", "kind", "VIP")).ok(201);
        post("/api/v1/watch-lists", c.adminToken(), Map.of("name", "VIPs", "kind", "VIP")).problem(409);
    }

    @Test
    void aManagerBoundToOneStoreSeesOnlyThatStore() {
        Chain c = onboard(operatorToken());
        Store mine = storeWithCameras(c);
        Store theirs = storeWithCameras(c);
        String list = post("/api/v1/watch-lists", c.adminToken(), Map.of("name", "Banned", "kind", "BANNED")).ok(201).get("id");
        post("/api/v1/watch-lists/" + list + "/entries", c.adminToken(), Map.of(
                "photo", Base64.getEncoder().encodeToString(people.get(4)), "label", "incident 12", "reason", "threatened staff")).ok(201);
        post("/api/v1/users", c.adminToken(), Map.of("username", "admin-of-one", "password", PASSWORD, "roles", List.of("TENANT_ADMIN"),
                "stores", List.of(mine.id()))).problem(400);
        post("/api/v1/users", c.adminToken(), Map.of("username", "lost", "password", PASSWORD, "roles", List.of("STORE_MANAGER"),
                "stores", List.of(onboard(operatorToken()).store("ELSEWHERE")))).problem(400);
        String id = post("/api/v1/users", c.adminToken(), Map.of("username", "mitte-manager", "password", PASSWORD,
                "roles", List.of("STORE_MANAGER"), "stores", List.of(mine.id()))).ok(201).get("id");
        String manager = staffToken(c.slug(), "mitte-manager", PASSWORD);

        sighting(mine.entrance(), Instant.now(), Photos.altered(people.get(4))).ok(202);
        sighting(theirs.entrance(), Instant.now(), Photos.rescaled(people.get(4))).ok(202);
        JsonNode all = Eventually.until("an alert in each store", Duration.ofSeconds(30),
                () -> get("/api/v1/alerts", c.adminToken()).ok(200).json().path("items"), items -> items.size() == 2);
        JsonNode seen = get("/api/v1/alerts", manager).ok(200).json().path("items");
        assertThat(seen.findValuesAsText("storeId")).containsExactly(mine.id());
        String theirAlert = all.get(0).path("storeId").asText().equals(theirs.id()) ? all.get(0).path("id").asText() : all.get(1).path("id").asText();
        post("/api/v1/alerts/" + theirAlert + "/acknowledgement", manager, Map.of()).problem(404);
        get("/api/v1/alerts?storeId=" + theirs.id(), manager).problem(404);
        String period = "/traffic?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z";
        get("/api/v1/stores/" + mine.id() + period, manager).ok(200);
        get("/api/v1/stores/" + theirs.id() + period, manager).problem(404);
        get("/api/v1/stores/" + theirs.id() + "/terminals", manager).problem(404);
        post("/api/v1/stores/" + theirs.id() + "/terminals", manager, Map.of("kind", "POS", "name", "sneaky")).problem(404);
        post("/api/v1/stores/" + mine.id() + "/terminals", manager, Map.of("kind", "POS", "name", "till 2")).ok(201);
        String camera = c.terminal(theirs.id(), "CAMERA").path("id").asText();
        call("PUT", "/api/v1/stores/" + theirs.id() + "/cameras/" + camera, manager, Map.of("placement", "FLOOR")).problem(404);

        String day = "?from=" + Instant.now().minus(Duration.ofDays(1)) + "&to=" + Instant.now().plus(Duration.ofDays(1)) + "&by=day";
        get("/api/v1/traffic" + day, manager).problem(403);
        long perStore = Eventually.until("both faces counted", Duration.ofSeconds(30), () -> footfall(mine) + footfall(theirs), n -> n == 2);
        JsonNode chain = get("/api/v1/traffic" + day, c.adminToken()).ok(200).json();
        assertThat(chain.path("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(chain.path("storeId").isNull() || chain.path("storeId").isMissingNode()).as("no store: the chain").isTrue();
        long summed = 0;
        for (JsonNode b : chain.path("buckets")) {
            summed += b.path("footfall").asLong();
        }
        assertThat(summed).as("the chain is its stores summed").isEqualTo(perStore);

        assertThat(call("PATCH", "/api/v1/users/" + id, c.adminToken(), Map.of("stores", List.of())).ok(200).json().path("stores")).isEmpty();
        get("/api/v1/stores/" + theirs.id() + period, manager).ok(200); // widened at once, same token
    }

    @Test
    void aStaffEntryIsAnActiveAccountWithConsentAndLapsesWithTheAccount() {
        Chain c = onboard(operatorToken());
        Store s = storeWithCameras(c);
        String list = post("/api/v1/watch-lists", c.adminToken(), Map.of("name", "Team", "kind", "STAFF")).ok(201).get("id");
        String entries = "/api/v1/watch-lists/" + list + "/entries";
        String photo = Base64.getEncoder().encodeToString(people.get(1));
        String account = post("/api/v1/users", c.adminToken(), Map.of("username", "cashier-anna", "password", PASSWORD,
                "roles", List.of("CASHIER"))).ok(201).get("id");
        post(entries, c.adminToken(), Map.of("photo", photo, "label", "Anna", "reason", "works here")).problem(400);
        post(entries, c.adminToken(), Map.of("photo", photo, "label", "Anna", "reason", "works here", "staffAccountId", account)).problem(400);
        String stranger = onboard(operatorToken()).adminToken();
        String foreign = get("/api/v1/users", stranger).ok(200).json().path("items").get(0).path("id").asText();
        post(entries, c.adminToken(), Map.of("photo", photo, "label", "X", "reason", "r", "staffAccountId", foreign, "consent", "form 1"))
                .problem(400);
        Map<String, Object> anna = Map.of("photo", photo, "label", "Anna", "reason", "works here", "staffAccountId", account,
                "consent", "signed form HR-2026-114");
        JsonNode entry = post(entries, c.adminToken(), anna).ok(201).json();
        assertThat(entry.path("consent").asText()).isEqualTo("signed form HR-2026-114");
        post(entries, c.adminToken(), anna).problem(409);
        String banned = post("/api/v1/watch-lists", c.adminToken(), Map.of("name", "Banned", "kind", "BANNED")).ok(201).get("id");
        post("/api/v1/watch-lists/" + banned + "/entries", c.adminToken(), Map.of("photo", photo, "label", "x", "reason", "y",
                "staffAccountId", account, "consent", "form")).problem(400);

        sighting(s.entrance(), Instant.now(), Photos.altered(people.get(1)), people.get(3)).ok(202);
        Eventually.until("the passer-by counted", Duration.ofSeconds(30), () -> footfall(s), n -> n >= 1);
        assertThat(footfall(s)).as("the member of staff is not counted").isEqualTo(1);

        delete("/api/v1/users/" + account, c.adminToken()).ok(204);
        sighting(s.entrance(), Instant.now(), Photos.rescaled(people.get(1))).ok(202);
        Eventually.until("a former employee is a customer like any other", Duration.ofSeconds(30), () -> footfall(s), n -> n == 2);
        String bob = post("/api/v1/users", c.adminToken(), Map.of("username", "cashier-bob", "password", PASSWORD,
                "roles", List.of("CASHIER"))).ok(201).get("id");
        post(entries, c.adminToken(), Map.of("photo", Base64.getEncoder().encodeToString(people.get(2)), "label", "Bob", "reason", "works here",
                "staffAccountId", bob, "consent", "signed form HR-2026-115")).ok(201);
        assertThat(get(entries, c.adminToken()).ok(200).json().path("items").findValuesAsText("label"))
                .as("the deactivated account's face is deleted").containsExactly("Bob");
    }

    @Test
    void anotherTenantFindsNoneOfIt() {
        Chain a = onboard(operatorToken());
        Store s = storeWithCameras(a);
        String list = post("/api/v1/watch-lists", a.adminToken(), Map.of("name", "Banned", "kind", "BANNED")).ok(201).get("id");
        Chain b = onboard(operatorToken());
        String camera = a.terminal(s.id(), "CAMERA").path("id").asText();
        call("PUT", "/api/v1/stores/" + s.id() + "/cameras/" + camera, b.adminToken(), Map.of("placement", "EXIT")).problem(404);
        get("/api/v1/watch-lists/" + list + "/entries", b.adminToken()).problem(404);
        post("/api/v1/watch-lists/" + list + "/entries", b.adminToken(), Map.of("photo", Base64.getEncoder().encodeToString(people.get(0)),
                "label", "x", "reason", "y")).problem(404);
        get("/api/v1/stores/" + s.id() + "/traffic?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z", b.adminToken()).problem(404);
        get("/api/v1/alerts?storeId=" + s.id(), b.adminToken()).problem(404);
        get("/api/v1/alerts/stream?storeId=" + s.id(), b.adminToken()).problem(404);
        String member = post("/api/v1/members", a.adminToken(), Map.of("name", "Their member", "cardNumber", "CARD-27-X")).ok(201).get("id");
        get("/api/v1/visits?memberId=" + member, a.adminToken()).ok(200);
        get("/api/v1/visits?memberId=" + member, b.adminToken()).problem(404);
        assertThat(get("/api/v1/watch-lists", b.adminToken()).ok(200).json().path("items")).isEmpty();
        post("/api/v1/alerts/1/acknowledgement", b.adminToken(), Map.of()).problem(404);
    }

    /** A Server-Sent Events client: the alerts' data lines, parsed as they arrive. */
    static final class Stream implements AutoCloseable {
        private final HttpURLConnection connection;
        private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

        private Stream(HttpURLConnection connection) {
            this.connection = connection;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            events.add(JSON.readTree(line.substring(5).strip()));
                        }
                    }
                } catch (Exception closed) {
                    // the test closed the stream
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Stream open(String path, String token, String lastEventId) throws Exception {
            HttpURLConnection c = (HttpURLConnection) URI.create(BASE + path).toURL().openConnection();
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setRequestProperty("Accept", "text/event-stream");
            if (lastEventId != null) {
                c.setRequestProperty("Last-Event-ID", lastEventId);
            }
            c.setReadTimeout(60_000);
            assertThat(c.getResponseCode()).isEqualTo(200);
            assertThat(c.getContentType()).startsWith("text/event-stream");
            return new Stream(c);
        }

        JsonNode next(Duration patience) throws InterruptedException {
            JsonNode e = events.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(e).as("an alert event within " + patience).isNotNull();
            return e;
        }

        @Override
        public void close() {
            connection.disconnect();
        }
    }
}
