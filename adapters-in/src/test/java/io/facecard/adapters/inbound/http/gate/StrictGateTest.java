package io.facecard.adapters.inbound.http.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's two halves on the real contract: strict JSON, then the operation's schema. */
class StrictGateTest {
    private static final RequestSchemas SCHEMAS = RequestSchemas.fromClasspath();

    private static List<String> problems(String operation, String body) {
        return SCHEMAS.forOperation(operation).orElseThrow().problems(StrictJson.read(body.getBytes(StandardCharsets.UTF_8)))
                .stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    private static void refusedAsJson(String body, String pointer) {
        assertThatThrownBy(() -> StrictJson.read(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(BodyRefused.class, r -> assertThat(r.pointer()).isEqualTo(pointer));
    }

    @Test
    void jsonThatIsNotStrictIsRefusedBeforeAnySchema() {
        refusedAsJson("{\"a\":1} trailing", "");
        refusedAsJson("{\"a\":1,\"a\":2}", "");
        refusedAsJson("{\"a\":NaN}", "");
        refusedAsJson("{\"a\":Infinity}", "");
        refusedAsJson("{\"a\":'single'}", "");
        refusedAsJson("[".repeat(1000) + "]".repeat(1000), "");
        refusedAsJson("{\"name\":\"a\\u0000b\"}", "/name");
        refusedAsJson("{\"tags\":[\"ok\",\"\\ud800\"]}", "/tags/1");
        refusedAsJson("{\"a\\u0000\":1}", "/a\u0000");
        refusedAsJson("", "");
    }

    @Test
    void pairedSurrogatesAndBigNumbersAreReadExactly() {
        assertThat(StrictJson.read("{\"n\":\"\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8)).get("n").asString()).isEqualTo("\uD83D\uDE00");
        assertThat(StrictJson.read("{\"n\":18446744073709551661}".getBytes(StandardCharsets.UTF_8)).get("n").bigIntegerValue())
                .hasToString("18446744073709551661");
    }

    /** The examples are what the generative test starts from, and what a newcomer copies: each must pass the gate. */
    @Test
    void everyJsonOperationHasAnExampleTheGateLetsThrough() throws IOException {
        tools.jackson.databind.JsonNode paths;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.yaml")) {
            paths = new tools.jackson.dataformat.yaml.YAMLMapper().readTree(in).path("paths");
        }
        int examples = 0;
        for (var path : paths.properties()) {
            for (var op : path.getValue().properties()) {
                var json = op.getValue().path("requestBody").path("content").path("application/json");
                if (json.isMissingNode()) {
                    continue;
                }
                String operation = op.getKey().toUpperCase() + " " + path.getKey();
                assertThat(json.has("example")).as(operation).isTrue();
                byte[] example = json.get("example").toString().getBytes(StandardCharsets.UTF_8);
                assertThat(SCHEMAS.forOperation(operation).orElseThrow().problems(StrictJson.read(example))).as(operation).isEmpty();
                examples++;
            }
        }
        assertThat(examples).isEqualTo(SCHEMAS.size()).isGreaterThan(40);
    }

    @Test
    void integralDecimalsAreComparedExactlyAndHugeNumbersNeverReachTheSchema() {
        refusedAsJson("{\"points\":1e31}", "/points");
        refusedAsJson("{\"points\":-1e999999}", "/points");
        assertThat(problems("POST /api/v1/checkouts/{id}/redemption", "{\"points\":1e29}")).hasSize(1);
        assertThat(problems("POST /api/v1/checkouts/{id}/redemption", "{\"points\":-1e29}")).hasSize(1);
        assertThat(problems("POST /api/v1/checkouts/{id}/redemption", "{\"points\":2.0}")).isEmpty();
        assertThat(problems("POST /api/v1/checkouts/{id}/redemption", "{\"points\":2.5}")).hasSize(1);
    }

    @Test
    void paymentSettingsRefuseWhatTheBinderCoercedOrWrapped() {
        assertThat(problems("PUT /api/v1/payment-settings", "{\"livenessRequired\":\"yes\"}")).hasSize(1);
        assertThat(problems("PUT /api/v1/payment-settings", "{\"livenessRequired\":1}")).hasSize(1);
        assertThat(problems("PUT /api/v1/payment-settings", "{\"payWindowSeconds\":18446744073709551661}")).hasSize(1);
        assertThat(problems("PUT /api/v1/payment-settings", "{\"payWindowSeconds\":3.7}")).hasSize(1);
        assertThat(problems("PUT /api/v1/payment-settings", "{\"livenessRequired\":true,\"payWindowSeconds\":45}")).isEmpty();
    }
}
