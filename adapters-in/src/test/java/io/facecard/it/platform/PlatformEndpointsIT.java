package io.facecard.it.platform;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.facecard.it.Api;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PlatformEndpointsIT {

    @Test
    void aCreatedResourcesLocationIsItsAddress() throws Exception {
        Chain c = onboard(operatorToken());
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(BASE + "/api/v1/members")).header("Authorization", "Bearer " + c.adminToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Lo Cation\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String id = JSON.readTree(r.body()).path("id").asText();
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(URI.create(location).getPath()).isEqualTo("/api/v1/members/" + id);
        get(URI.create(location).getPath(), c.adminToken()).ok(200);
    }

    @Test
    void readinessReportsTheDatabaseAndEveryAxonProcessor() {
        JsonNode ready = get("/health/ready", null).ok(200).json();
        assertThat(ready.path("status").asText()).isEqualTo("UP");
        JsonNode data = ready.path("checks").get(0).path("data");
        assertThat(data.path("database").asBoolean()).isTrue();
        assertThat(data.path("axonProcessors").asBoolean()).isTrue();
        assertThat(data.path("processor.tenant-directory").asText()).isEqualTo("running");
        assertThat(data.path("processor.tenant-history").asText()).isEqualTo("running");
        assertThat(get("/health/live", null).ok(200).json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsArePrometheusTextWithTimingPerEndpointAndPoolFigures() {
        Api.operatorToken(); // at least one call of a resource method
        Reply m = get("/metrics", null).ok(200);
        assertThat(m.contentType()).startsWith("text/plain");
        assertThat(m.body()).contains("# TYPE").contains("jvm_")
                .contains("REST_request_seconds_count{class=\"io.facecard.adapters.inbound.tenancy.AuthResource\"")
                .contains("connectionpool_usedConnections_total").contains("threadpool_activeThreads");
    }

    @Test
    void theServedOpenApiDocumentIsTheOneKeptInTheRepository() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode kept = yaml.readTree(new File(System.getProperty("facecard.openapi.file")));
        JsonNode served = yaml.readTree(get("/openapi", null).ok(200).body());
        assertThat(operations(served)).isEqualTo(operations(kept)).isNotEmpty();
        assertThat(served.path("info").path("title").asText()).isEqualTo(kept.path("info").path("title").asText());
        Reply typed = get("/api/v1/openapi.yaml", null).ok(200);
        assertThat(typed.contentType()).as("Liberty's /openapi says text/plain; ours says what it is").startsWith("application/yaml");
        assertThat(yaml.readTree(typed.body())).isEqualTo(kept);
    }

    @Test
    void everyDocumentedOperationExistsOnTheServer() throws IOException {
        JsonNode kept = new ObjectMapper(new YAMLFactory()).readTree(new File(System.getProperty("facecard.openapi.file")));
        for (String op : operations(kept)) {
            String[] parts = op.split(" ", 2);
            String path = parts[1].replace("webhooks/{provider}", "webhooks/stripe")
                    .replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            JsonNode content = kept.path("paths").path(parts[1]).path(parts[0].toLowerCase()).path("requestBody").path("content");
            String type = content.isMissingNode() || content.has("application/json") ? "application/json" : content.fieldNames().next();
            Reply r = raw(parts[0], path, null, "{}", type);
            // Unauthenticated calls must reach a resource: 401 (or 400 for the login itself and for a provider's notification
            // that does not verify; 200 for the public contract), never 404/405.
            assertThat(r.status()).as(op + " -> " + r.body()).isIn(400, 401, op.equals("GET /api/v1/openapi.yaml") ? 200 : 401);
        }
    }

    static TreeSet<String> operations(JsonNode doc) {
        TreeSet<String> ops = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            p.getValue().fieldNames().forEachRemaining(m -> {
                if (m.matches("get|post|put|patch|delete")) {
                    ops.add(m.toUpperCase() + " " + p.getKey());
                }
            });
        }
        return ops;
    }
}
