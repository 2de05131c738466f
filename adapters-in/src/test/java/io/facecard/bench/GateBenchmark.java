package io.facecard.bench;

import io.facecard.adapters.inbound.http.gate.RequestSchemas;
import io.facecard.adapters.inbound.http.gate.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the request gate costs per body, without HTTP: strict parsing and the contract's schema for
 * the four bodies of a till's checkout, and for a campaign (the largest schema, with the condition tree).
 *
 * <pre>./mvnw -q -pl adapters-in exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.GateBenchmark</pre>
 */
public final class GateBenchmark {
    private GateBenchmark() {}

    public static void main(String[] args) {
        RequestSchemas schemas = RequestSchemas.fromClasspath();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("POST /api/v1/checkouts", "{\"currency\":\"EUR\",\"lines\":[{\"sku\":\"MILK-1L\",\"name\":\"Milk 1 l\",\"category\":\"dairy\","
                + "\"quantity\":2,\"unitPrice\":1.29},{\"sku\":\"BREAD\",\"quantity\":1,\"unitPrice\":2.49},{\"sku\":\"SOUP\",\"quantity\":3,\"unitPrice\":4.10}]}");
        bodies.put("POST /api/v1/checkouts/{id}/identify", "{\"cardNumber\":\"4000123\"}");
        bodies.put("POST /api/v1/checkouts/{id}/redemption", "{\"points\":200}");
        bodies.put("POST /api/v1/checkouts/{id}/complete", "{\"receiptNumber\":\"R-2026-000123\",\"payments\":[{\"method\":\"CARD\",\"amount\":14.37}]}");
        bodies.put("POST /api/v1/campaigns", "{\"name\":\"Winter coupon\",\"condition\":{\"and\":[{\"property\":\"tier\",\"operator\":\"equals\",\"value\":\"Gold\"},"
                + "{\"event\":\"purchase\",\"withinDays\":30,\"category\":\"dairy\",\"minCount\":2}]},\"channel\":\"PREFERRED\",\"message\":{\"\":\"Hello {name}, use {coupon}\"},"
                + "\"offer\":{\"kind\":\"COUPON\",\"title\":\"2 EUR off\",\"value\":2,\"codes\":\"UNIQUE\",\"pattern\":{\"prefix\":\"WIN-\",\"length\":8}},\"holdoutShare\":0.1}");
        for (Map.Entry<String, String> b : bodies.entrySet()) {
            var schema = schemas.forOperation(b.getKey()).orElseThrow();
            byte[] body = b.getValue().getBytes(StandardCharsets.UTF_8);
            int problems = 0;
            for (int i = 0; i < 50_000; i++) {
                problems += schema.problems(StrictJson.read(body)).size();
            }
            int n = 200_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                problems += schema.problems(StrictJson.read(body)).size();
            }
            double micros = (System.nanoTime() - start) / 1000.0 / n;
            System.out.printf("%-42s %4d bytes  %6.1f µs per body (one thread)%s%n", b.getKey(), body.length, micros,
                    problems == 0 ? "" : "  REFUSED?");
        }
    }
}
