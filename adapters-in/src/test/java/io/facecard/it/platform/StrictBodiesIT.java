package io.facecard.it.platform;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.it.Api;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bodies the black-box prober found coerced, wrapped, half-stored or answered with 500, one by
 * one: each is now a 400 problem that names the field, and what was stored before is still there.
 */
class StrictBodiesIT {
    static Chain chain;
    static String admin;

    @BeforeAll
    static void setUp() {
        chain = onboard(operatorToken());
        admin = chain.adminToken();
    }

    private static Reply json(String method, String path, String body) {
        return raw(method, path, admin, body, "application/json");
    }

    private static String detail(String method, String path, String body) {
        return json(method, path, body).problem(400).get("detail");
    }

    @Test
    void aTypoCannotSwitchLivenessOffAndBigNumbersAreNotWrapped() {
        String before = get("/api/v1/payment-settings", admin).ok(200).body();
        assertThat(detail("PUT", "/api/v1/payment-settings", "{\"livenessRequired\":\"yes\"}")).contains("/livenessRequired");
        detail("PUT", "/api/v1/payment-settings", "{\"livenessRequired\":\"no\"}");
        detail("PUT", "/api/v1/payment-settings", "{\"livenessRequired\":1}");
        assertThat(detail("PUT", "/api/v1/payment-settings", "{\"payWindowSeconds\":18446744073709551661}")).contains("/payWindowSeconds");
        detail("PUT", "/api/v1/payment-settings", "{\"reverseNotBeforeSeconds\":1000000000}");
        assertThat(get("/api/v1/payment-settings", admin).ok(200).body()).isEqualTo(before);
        assertThat(get("/api/v1/payment-settings", admin).json().path("livenessRequired").asBoolean()).isTrue();

        String marketing = get("/api/v1/marketing-settings", admin).ok(200).body();
        detail("PATCH", "/api/v1/marketing-settings", "{\"maxPerWindow\":4294967299}");
        assertThat(detail("PATCH", "/api/v1/marketing-settings", "{\"maxPerWindow\":3.7}")).contains("/maxPerWindow");
        assertThat(get("/api/v1/marketing-settings", admin).ok(200).body()).isEqualTo(marketing);
        assertThat(detail("POST", "/api/v1/sandbox/clock", "{\"advanceSeconds\":1e308}")).contains("/advanceSeconds");
    }

    @Test
    void notANumberIsRefusedAndNothingHalfStoredBreaksTheListAfterwards() {
        String campaign = "{\"name\":\"NaN share\",\"condition\":{\"property\":\"locale\",\"operator\":\"equals\",\"value\":\"de\"},"
                + "\"channel\":\"TELEGRAM\",\"message\":{\"\":\"Hi {name}\"},\"holdoutShare\":\"NaN\"}";
        assertThat(detail("POST", "/api/v1/campaigns", campaign)).contains("/holdoutShare");
        detail("POST", "/api/v1/campaigns", campaign.replace("\"NaN\"", "NaN"));
        assertThat(get("/api/v1/campaigns", admin).ok(200).json().path("items")).isEmpty();

        String faces = get("/api/v1/face-settings", admin).ok(200).body();
        assertThat(detail("PUT", "/api/v1/face-settings", "{\"matchThreshold\":\"NaN\"}")).contains("/matchThreshold");
        assertThat(get("/api/v1/face-settings", admin).ok(200).body()).isEqualTo(faces);
    }

    @Test
    void textPostgresCannotHoldIsA400NotA500() {
        assertThat(detail("POST", "/api/v1/segments", "{\"name\":\"a\\u0000b\",\"condition\":{\"property\":\"locale\",\"operator\":\"equals\",\"value\":\"de\"}}"))
                .contains("/name").contains("U+0000");
        detail("POST", "/api/v1/segments/preview", "{\"condition\":{\"property\":\"locale\",\"operator\":\"equals\",\"value\":\"d\\u0000e\"}}");
        assertThat(detail("POST", "/api/v1/segments", "{\"name\":\"lone \\ud800\",\"condition\":{\"property\":\"locale\",\"operator\":\"equals\",\"value\":\"de\"}}"))
                .contains("surrogate");
        detail("POST", "/api/v1/campaigns", "{\"name\":\"x\\u0000\",\"condition\":{\"property\":\"locale\",\"operator\":\"equals\",\"value\":\"de\"},"
                + "\"channel\":\"TELEGRAM\",\"message\":{\"\":\"Hi\"}}");
        detail("POST", "/api/v1/checkouts/" + UUID.randomUUID() + "/offers", "{\"couponCode\":\"WIN\\u0000\"}");
        assertThat(detail("POST", "/api/v1/segments", "{\"name\":\"bell\\u0007\",\"condition\":{\"property\":\"locale\",\"operator\":\"equals\",\"value\":\"de\"}}"))
                .contains("/name");
        assertThat(get("/api/v1/segments", admin).ok(200).json().path("items")).isEmpty();
    }

    @Test
    void numbersAreNotStringsAndTheBodyIsOneJsonValue() {
        assertThat(detail("POST", "/api/v1/checkouts/" + UUID.randomUUID() + "/payments",
                "{\"method\":\"WECHAT_PAY\",\"amount\":2.5,\"authCode\":134567890123456789}")).contains("/authCode");
        detail("POST", "/api/v1/stores", "{\"name\":\"Trailing\",\"code\":\"T1\"} garbage");
        detail("POST", "/api/v1/stores", "{\"name\":\"Twice\",\"name\":\"Again\",\"code\":\"T2\"}");
        assertThat(detail("POST", "/api/v1/segments/preview",
                "{\"condition\":{\"property\":\"locale\",\"operator\":\"in\",\"value\":\"de\",\"values\":[\"ru\"]}}")).contains("/condition");
        assertThat(get("/api/v1/stores", admin).ok(200).json().path("items")).isEmpty();
    }

    @Test
    void valuesNoBusinessAllowsAreRefused() {
        String base = "{\"name\":\"Big\",\"condition\":{\"property\":\"locale\",\"operator\":\"equals\",\"value\":\"de\"},\"channel\":\"TELEGRAM\","
                + "\"message\":{\"\":\"Hi {name}\"}";
        assertThat(detail("POST", "/api/v1/campaigns", base + ",\"offer\":{\"kind\":\"BONUS_POINTS\",\"title\":\"x\",\"value\":1e308}}"))
                .contains("/offer/value");
        assertThat(detail("POST", "/api/v1/campaigns", base + ",\"validUntil\":\"99999-01-01T00:00:00Z\"}")).contains("/validUntil");
        assertThat(detail("POST", "/api/v1/campaigns", base + ",\"validUntil\":\"2040-01-01T00:00:00Z\"}")).contains("5 years");
        assertThat(detail("POST", "/api/v1/campaigns", base.replace("{name}", "{name.__class__}") + "}")).contains("{name.__class__}");
        assertThat(get("/api/v1/campaigns", admin).ok(200).json().path("items")).isEmpty();
    }

    @Test
    void aConditionNestedAThousandDeepIsRefusedBeforeAnyRecursion() {
        String deep = "{\"not\":".repeat(1000) + "{\"property\":\"locale\",\"operator\":\"equals\",\"value\":\"de\"}" + "}".repeat(1000);
        json("POST", "/api/v1/segments/preview", "{\"condition\":" + deep + "}").problem(400);
        json("POST", "/api/v1/segments", "{\"name\":\"deep\",\"condition\":" + deep + "}").problem(400);
        assertThat(get("/api/v1/segments", admin).ok(200).json().path("items")).isEmpty();
    }
}
