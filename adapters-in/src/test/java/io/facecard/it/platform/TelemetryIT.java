package io.facecard.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api;
import io.facecard.it.Api.Chain;
import io.facecard.it.Eventually;
import io.facecard.it.Fakes;
import io.facecard.it.Till;
import io.facecard.it.payment.FacePayIT;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Traces, metrics and logs as an operator gets them. The test server exports spans to messages.log (Liberty's JSON
 * format); a till call that sends its own {@code traceparent} lets the test find that call's whole trace there: the HTTP
 * span, the use case, Axon's command and the events' processors, the provider call of a face-pay, each with the
 * tenant's id and none with the member's name.
 */
class TelemetryIT {
    /** The logging exporter's line: 'name' : traceId spanId KIND [tracer: ...] AttributesMap{data={...}, capacity=...} (a route's {id} is inside). */
    static final Pattern SPAN = Pattern.compile("'(.+?)' : ([0-9a-f]{32}) ([0-9a-f]{16}) ([A-Z]+) \\[tracer: ([^\\]]*)\\] AttributesMap\\{data=\\{(.*)\\}, capacity=");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static Chain chain;
    static Till till;

    record Logged(String name, String trace, String kind, String tracer, String attributes) {}

    @BeforeAll
    static void chain() {
        Fakes.sandbox();
        chain = Api.onboard(Api.operatorToken(), "CNY", "Asia/Shanghai");
        Api.call("PUT", "/api/v1/payment-providers/WECHAT_PAY", chain.adminToken(), Map.of("sandbox", true)).ok(200);
        till = Till.of(chain, "TR1");
    }

    static String traced(String trace, String path, Object body) throws IOException, InterruptedException {
        String parent = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).header("Authorization", "Bearer " + till.token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .header("traceparent", "00-" + trace + "-" + parent + "-01").POST(HttpRequest.BodyPublishers.ofString(Api.write(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return r.body();
    }

    static List<Logged> spans(String trace) throws IOException {
        Path log = Path.of(System.getProperty("facecard.server.logs", "target/liberty/wlp/usr/servers/facecard-it/logs"), "messages.log");
        List<Logged> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (!line.contains(trace)) {
                continue;
            }
            String message = Api.JSON.readTree(line).path("message").asText();
            Matcher m = SPAN.matcher(message);
            if (m.find() && m.group(2).equals(trace)) {
                out.add(new Logged(m.group(1), m.group(2), m.group(4), m.group(5), m.group(6)));
            }
        }
        return out;
    }

    static String newTrace() {
        return HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    }

    @Test
    void aCheckoutIsOneTraceFromTheRequestThroughTheUseCaseAndAxonToTheProjectionsWithTheTenantAndNoPersonalData() throws Exception {
        String card = "TEL" + UUID.randomUUID().toString().substring(0, 8);
        String m = Api.post("/api/v1/members", chain.adminToken(), Map.of("name", "Traced Person", "cardNumber", card)).ok(201).get("id");
        String checkout = till.post("/api/v1/checkouts", Map.of("currency", "CNY", "lines", List.of(Map.of("sku", "TEA", "name", "Tea",
                "quantity", 1, "unitPrice", new BigDecimal("8.00"))))).ok(201).get("id");
        till.post("/api/v1/checkouts/" + checkout + "/identify", Map.of("cardNumber", card)).ok(200);
        String trace = newTrace();
        traced(trace, "/api/v1/checkouts/" + checkout + "/complete", Till.paid("R-" + UUID.randomUUID(), "CASH", "8.00"));

        List<Logged> spans = Eventually.until("the checkout's projections in its trace", Duration.ofSeconds(30), () -> spans(trace),
                l -> l.stream().anyMatch(s -> s.kind().equals("CONSUMER") && s.name().contains("EventProcessor"))
                        && l.stream().anyMatch(s -> s.kind().equals("SERVER")));
        assertThat(spans).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo("SERVER");
            assertThat(s.attributes()).contains("facecard.tenant=" + chain.id());
        });
        assertThat(spans).anySatisfy(s -> {
            assertThat(s.tracer()).startsWith("io.facecard.usecases");
            assertThat(s.attributes()).contains("facecard.tenant=" + chain.id());
        });
        assertThat(spans).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("CommandBus.handleCommand"); // the aggregate's command, in the request
            assertThat(s.attributes()).contains("axon.message.payload_type=CompleteCheckout");
        });
        assertThat(spans).anySatisfy(s -> {
            assertThat(s.name()).contains("EventProcessor"); // a projection on a processor's thread, in the same trace
            assertThat(s.kind()).isEqualTo("CONSUMER");
            assertThat(s.attributes()).contains("facecard.tenant=" + chain.id());
        });
        assertThat(spans).allSatisfy(s -> assertThat(s.attributes()).doesNotContain("Traced Person").doesNotContain(card).doesNotContain(m));

        // Liberty's JSON log records written while the request ran carry its trace id.
        String log = Files.readString(Path.of(System.getProperty("facecard.server.logs", "target/liberty/wlp/usr/servers/facecard-it/logs"),
                "messages.log"));
        assertThat(log).contains("\"ext_traceId\":\"" + trace + "\"");
    }

    @Test
    void aFacePayTraceShowsTheProviderCall() throws Exception {
        String checkout = FacePayIT.openCny(till, "5.00");
        String trace = newTrace();
        JsonNode paid = Api.JSON.readTree(traced(trace, "/api/v1/checkouts/" + checkout + "/payments", Map.of("method", "WECHAT_PAY", "amount",
                new BigDecimal("5.00"), "authCode", FacePayIT.wechatCode('1'))));
        assertThat(paid.path("status").asText()).isEqualTo("SUCCEEDED");
        List<Logged> spans = Eventually.until("the provider's span", Duration.ofSeconds(20), () -> spans(trace),
                l -> l.stream().anyMatch(s -> s.kind().equals("CLIENT")) && l.stream().anyMatch(s -> s.kind().equals("SERVER")));
        assertThat(spans).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo("CLIENT");
            assertThat(s.name()).isEqualTo("WECHAT_PAY charge");
            assertThat(s.attributes()).contains("facecard.provider=WECHAT_PAY");
        });
        assertThat(spans).anySatisfy(s -> assertThat(s.kind()).isEqualTo("SERVER"));
    }

    @Test
    void metricsShowRequestsPerTenantAndOperationWithP99AndTheQueuesAndProcessorLag() throws Exception {
        FacePayIT.openCny(till, "2.00");
        String metrics = Eventually.until("the tenant's request timer", Duration.ofSeconds(10),
                () -> HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body(),
                b -> b.contains("tenant=\"" + chain.id() + "\""));
        assertThat(metrics).containsPattern("facecard_request_seconds_count\\{[^}]*operation=\"CheckoutResource\\.[a-z]+\"[^}]*tenant=\"" + chain.id());
        assertThat(metrics).containsPattern("facecard_request_seconds\\{[^}]*quantile=\"0\\.99\"");
        assertThat(metrics).contains("facecard_outbox_queued").contains("facecard_payment_steps_due").contains("facecard_crm_deliveries_pending");
        assertThat(metrics).containsPattern("facecard_axon_processor_lag\\{[^}]*processor=\"crm\"");
    }
}
