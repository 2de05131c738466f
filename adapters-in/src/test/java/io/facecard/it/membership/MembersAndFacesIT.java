package io.facecard.it.membership;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api;
import io.facecard.it.Multipart;
import io.facecard.it.Photos;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Members, consents, enrolment and identification over HTTP with the real models and real photos. */
public class MembersAndFacesIT {
    public static Chain a;
    public static Chain b;
    public static List<byte[]> people;

    @BeforeAll
    public static void setUp() throws Exception {
        String operator = operatorToken();
        a = onboard(operator);
        b = onboard(operator);
        people = Photos.people();
        assertThat(people).hasSizeGreaterThanOrEqualTo(4);
    }

    public static String member(Chain chain, String name, String phone, String card) {
        return post("/api/v1/members", chain.adminToken(), Map.of("name", name, "phone", phone, "cardNumber", card)).ok(201).get("id");
    }

    public static void consent(Chain chain, String member, boolean granted) {
        post("/api/v1/members/" + member + "/consents", chain.adminToken(), Map.of("purpose", "BIOMETRIC_IDENTIFICATION",
                "granted", granted, "policyVersion", "2026-01", "source", "KIOSK")).ok(201);
    }

    public static Reply identify(Chain chain, byte[] photo) {
        return jpeg("/api/v1/identify", chain.adminToken(), photo).ok(200);
    }

    @Test
    void enrolThenTheSamePersonInAnotherPhotoMatchesAndSomeoneElseDoesNot() {
        String m = member(a, "Ada Quinn", "+4915100000001", "CARD-0001");
        post("/api/v1/members", a.adminToken(), Map.of("name", "Copy", "phone", "+49 151 0000 0001")).problem(409);
        assertThat(jpeg("/api/v1/members/" + m + "/faces", a.adminToken(), people.get(0)).problem(409).json().path("type").asText())
                .endsWith("consent-required");
        consent(a, m, true);
        Reply enrolled = jpeg("/api/v1/members/" + m + "/faces", a.adminToken(), people.get(0)).ok(201);
        assertThat(enrolled.get("faceId")).isNotBlank();
        String faces = get("/api/v1/members/" + m + "/faces", a.adminToken()).ok(200).body();
        assertThat(faces).contains(enrolled.get("faceId")).doesNotContain("embedding").doesNotContain("vector");

        Reply match = identify(a, Photos.altered(people.get(0)));
        assertThat(match.get("decision")).as(match.body()).isEqualTo("MATCH");
        assertThat(match.json().path("member").path("id").asText()).isEqualTo(m);
        assertThat(match.json().path("member").path("name").asText()).isEqualTo("Ada Quinn");
        assertThat(match.json().path("score").asDouble()).isGreaterThan(0.4);
        assertThat(identify(a, people.get(1)).get("decision")).isEqualTo("NO_MATCH");
        assertThat(identify(a, people.get(1)).json().path("member").isNull()).isTrue();

        assertThat(jpeg("/api/v1/members/" + m + "/verify", a.adminToken(), Photos.altered(people.get(0))).ok(200)
                .json().path("verified").asBoolean()).isTrue();
        assertThat(jpeg("/api/v1/members/" + m + "/verify", a.adminToken(), people.get(1)).ok(200)
                .json().path("verified").asBoolean()).isFalse();
        assertThat(post("/api/v1/identify", a.adminToken(), Map.of("cardNumber", "card-0001")).ok(200).json()
                .path("member").path("id").asText()).isEqualTo(m);
        assertThat(post("/api/v1/identify", a.adminToken(), Map.of("phone", "+49 151 00000001")).ok(200).get("decision")).isEqualTo("MATCH");
    }

    @Test
    void aFaceEnrolledInOneTenantIsNeverFoundFromAnother() {
        String m = member(a, "Ben Ray", "+4915100000002", "CARD-0002");
        consent(a, m, true);
        jpeg("/api/v1/members/" + m + "/faces", a.adminToken(), people.get(2)).ok(201);
        Reply inA = identify(a, Photos.rescaled(people.get(2)));
        assertThat(inA.get("decision")).as(inA.body()).isEqualTo("MATCH");
        assertThat(identify(b, Photos.rescaled(people.get(2))).get("decision")).isEqualTo("NO_MATCH");
        get("/api/v1/members/" + m, b.adminToken()).problem(404);
        jpeg("/api/v1/members/" + m + "/faces", b.adminToken(), people.get(2)).problem(404);
        Multipart burst = Multipart.of(people.get(2), Photos.rescaled(people.get(2)));
        bytes("/api/v1/members/" + m + "/faces", b.adminToken(), burst.body(), burst.contentType()).problem(404);
        post("/api/v1/members/" + m + "/faces", b.adminToken(),
                Map.of("photos", List.of(Base64.getEncoder().encodeToString(people.get(2))))).problem(404);
        assertThat(bytes("/api/v1/identify", b.adminToken(), burst.body(), burst.contentType()).ok(200).get("decision"))
                .as("a burst from the other tenant finds nobody").isEqualTo("NO_MATCH");
        assertThat(get("/api/v1/members/" + m + "/faces", a.adminToken()).ok(200).json()).hasSize(1);
        post("/api/v1/identify", b.adminToken(), Map.of("cardNumber", "CARD-0002")).ok(200);
        assertThat(post("/api/v1/identify", b.adminToken(), Map.of("cardNumber", "CARD-0002")).get("decision")).isEqualTo("NO_MATCH");
    }

    @Test
    void oneFaceOneAccount() {
        Chain c = onboard(operatorToken());
        String first = member(c, "First", "+4915100000003", "CARD-0003");
        String second = member(c, "Second", "+4915100000004", "CARD-0004");
        consent(c, first, true);
        consent(c, second, true);
        jpeg("/api/v1/members/" + first + "/faces", c.adminToken(), people.get(3)).ok(201);
        jpeg("/api/v1/members/" + second + "/faces", c.adminToken(), Photos.rescaled(people.get(3))).problem(409);
        assertThat(get("/api/v1/members/" + second + "/faces", c.adminToken()).json().size()).isZero();
    }

    @Test
    void withdrawingConsentDeletesTheTemplatesBeforeTheAnswer() {
        Chain c = onboard(operatorToken());
        String m = member(c, "Cleo", "+4915100000005", "CARD-0005");
        consent(c, m, true);
        jpeg("/api/v1/members/" + m + "/faces", c.adminToken(), people.get(1)).ok(201);
        assertThat(identify(c, people.get(1)).get("decision")).isEqualTo("MATCH");
        consent(c, m, false);
        assertThat(get("/api/v1/members/" + m + "/faces", c.adminToken()).json().size()).isZero();
        assertThat(identify(c, people.get(1)).get("decision")).isEqualTo("NO_MATCH");
        var consents = get("/api/v1/members/" + m + "/consents", c.adminToken()).ok(200).json();
        assertThat(consents.path("current").path("BIOMETRIC_IDENTIFICATION").path("granted").asBoolean()).isFalse();
        assertThat(consents.path("history").size()).isEqualTo(2);
    }

    @Test
    void photosThatAreNotOneGoodFaceAreNamed() {
        String m = member(a, "Dora", "+4915100000006", "CARD-0006");
        consent(a, m, true);
        assertThat(jpeg("/api/v1/members/" + m + "/faces", a.adminToken(), Photos.blank()).problem(422).get("reason")).isEqualTo("NO_FACE");
        assertThat(jpeg("/api/v1/members/" + m + "/faces", a.adminToken(), Photos.group).problem(422).get("reason")).isEqualTo("MULTIPLE_FACES");
        assertThat(identify(a, Photos.blank()).get("decision")).isEqualTo("NO_FACE");
        // The till takes the customer's face among several; only nearly equal faces side by side are MULTIPLE_FACES.
        assertThat(identify(a, Photos.sideBySide(people.get(1), people.get(2))).get("decision")).isEqualTo("MULTIPLE_FACES");
    }

    @Test
    void whereTheTenantRequiresLivenessAFaceBelowItsMinimumIsASpoof() {
        Chain c = onboard(operatorToken());
        String m = member(c, "Live One", "+4915100000098", "CARD-0098");
        consent(c, m, true);
        jpeg("/api/v1/members/" + m + "/faces", c.adminToken(), people.get(2)).ok(201);
        // Off by default for loyalty, but scored: payments require it by default, and a payment by face may follow.
        Reply byDefault = identify(c, people.get(2));
        assertThat(byDefault.get("decision")).isEqualTo("MATCH");
        assertThat(byDefault.json().path("liveness").isNumber()).as(byDefault.body()).isTrue();
        call("PUT", "/api/v1/face-settings", c.adminToken(), Map.of("livenessForPayments", false)).ok(200);
        assertThat(identify(c, people.get(2)).json().path("liveness").isNull()).as("neither loyalty nor payments ask for it").isTrue();
        call("PUT", "/api/v1/face-settings", c.adminToken(), Map.of("livenessForLoyalty", true, "minLiveness", 0.0)).ok(200);
        Reply scored = identify(c, people.get(2));
        double live = scored.json().path("liveness").asDouble();
        assertThat(scored.get("decision")).as(scored.body()).isNotEqualTo("SPOOF");
        assertThat(live).isBetween(0.0, 1.0);
        call("PUT", "/api/v1/face-settings", c.adminToken(), Map.of("livenessForLoyalty", true, "minLiveness", Math.min(1.0, live + 1e-6))).ok(200);
        Reply spoof = identify(c, people.get(2));
        assertThat(spoof.get("decision")).as(spoof.body()).isEqualTo("SPOOF");
        assertThat(spoof.json().path("member").isNull()).isTrue();
        JsonNode settings = get("/api/v1/face-settings", c.adminToken()).json();
        assertThat(settings.path("livenessForPayments").asBoolean()).as("payments require it by default").isTrue();
        call("PUT", "/api/v1/face-settings", c.adminToken(), Map.of("minLiveness", 1.5)).problem(400);
    }

    @Test
    void theTillFindsTheCustomerWithSomeoneBehindThem() {
        Chain c = onboard(operatorToken());
        String m = member(c, "Queue Front", "+4915100000099", "CARD-0099");
        consent(c, m, true);
        jpeg("/api/v1/members/" + m + "/faces", c.adminToken(), people.get(0)).ok(201);
        byte[] queue = Photos.withSomeoneBehind(people.get(0), people.get(3));
        Reply atTill = identify(c, queue);
        assertThat(atTill.get("decision")).as(atTill.body()).isIn("MATCH", "CONFIRM");
        assertThat(atTill.json().path("score").asDouble()).isGreaterThan(0.8);
    }

    @Test
    void brokenAndHostileImagesGetFastClearAnswersAndTheServerStaysUp() {
        byte[] good = people.get(0);
        assertThat(jpeg("/api/v1/identify", a.adminToken(), Arrays.copyOf(good, good.length / 2)).problem(400).get("reason"))
                .isEqualTo("CORRUPT_IMAGE");
        assertThat(jpeg("/api/v1/identify", a.adminToken(), "plain text, not a photo at all".getBytes()).problem(400).get("reason"))
                .isEqualTo("NOT_AN_IMAGE");
        jpeg("/api/v1/identify", a.adminToken(), new byte[0]).problem(400);
        byte[] bomb = new byte[64];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30};
        System.arraycopy(head, 0, bomb, 0, head.length);
        assertThat(bytes("/api/v1/identify", a.adminToken(), bomb, "image/png").problem(413).get("reason")).isEqualTo("IMAGE_TOO_LARGE");
        bytes("/api/v1/identify", a.adminToken(), good, "text/plain").problem(415);
        jpeg("/api/v1/identify", a.adminToken(), new byte[6 * 1024 * 1024]).problem(413);
        get("/health/ready", null).ok(200);
    }

    @Test
    void erasureLeavesNoPersonalDataAndNoFace() throws Exception {
        String m = member(a, "Erin Vale", "+4915100000007", "CARD-0007");
        consent(a, m, true);
        jpeg("/api/v1/members/" + m + "/faces", a.adminToken(), people.get(3)).ok(201);
        var export = get("/api/v1/members/" + m + "/export", a.adminToken()).ok(200).json();
        assertThat(export.path("member").path("name").asText()).isEqualTo("Erin Vale");
        assertThat(export.path("faces").size()).isEqualTo(1);
        assertThat(export.path("consents").path("history").size()).isEqualTo(1);

        delete("/api/v1/members/" + m, a.adminToken()).ok(204);
        Reply erased = get("/api/v1/members/" + m, a.adminToken()).ok(200);
        assertThat(erased.json().path("erased").asBoolean()).isTrue();
        assertThat(erased.body()).doesNotContain("Erin").doesNotContain("CARD-0007").doesNotContain("4915100000007");
        assertThat(identify(a, Photos.altered(people.get(3))).json().path("member").path("id").asText()).isNotEqualTo(m);
        assertThat(post("/api/v1/identify", a.adminToken(), Map.of("cardNumber", "CARD-0007")).get("decision")).isEqualTo("NO_MATCH");
        assertThat(get("/api/v1/members/" + m + "/export", a.adminToken()).body()).doesNotContain("Erin");
        // Erasure must leave no personal data at rest: only the tables can show that.
        try (Connection c = database()) {
            // The event store never held the name in clear, and the key that opened it is gone.
            assertThat(count(c, "select count(*) from domainevententry where aggregateidentifier = ? "
                    + "and (convert_from(payload, 'UTF8') like '%Erin%' or convert_from(payload, 'UTF8') like '%CARD-0007%')", m)).isZero();
            assertThat(count(c, "select count(*) from domainevententry where aggregateidentifier = ?", m)).isGreaterThanOrEqualTo(4);
            c.setAutoCommit(false);
            c.createStatement().execute("select set_config('app.tenant_id', '" + a.id() + "', true)");
            assertThat(count(c, "select count(*) from member_key where member_id = cast(? as uuid)", m)).isZero();
            c.rollback();
        }
    }

    private static long count(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theTenantAdminTunesTheSettingsAndIdentificationFollowsThem() {
        Chain c = onboard(operatorToken());
        String m = member(c, "Gus", "+4915100000008", "CARD-0008");
        consent(c, m, true);
        jpeg("/api/v1/members/" + m + "/faces", c.adminToken(), people.get(0)).ok(201);
        assertThat(get("/api/v1/face-settings", c.adminToken()).ok(200).json().path("matchThreshold").asDouble()).isEqualTo(0.40);
        String cashier = c.user("till-cashier", "CASHIER");
        call("PUT", "/api/v1/face-settings", cashier, Map.of("matchThreshold", 0.9)).problem(403);
        call("PUT", "/api/v1/face-settings", c.adminToken(), Map.of("matchThreshold", 1.5)).problem(400);
        assertThat(identify(c, Photos.rescaled(people.get(0))).get("decision")).isEqualTo("MATCH");
        call("PUT", "/api/v1/face-settings", c.adminToken(), Map.of("matchThreshold", 0.5, "minFacePixels", 2000)).ok(200);
        assertThat(identify(c, Photos.rescaled(people.get(0))).get("decision")).isEqualTo("NO_FACE");
        assertThat(get("/api/v1/face-settings", c.adminToken()).json().path("matchThreshold").asDouble()).isEqualTo(0.5);
        assertThat(get("/api/v1/face-settings", a.adminToken()).json().path("matchThreshold").asDouble()).isEqualTo(0.40);
    }
}
