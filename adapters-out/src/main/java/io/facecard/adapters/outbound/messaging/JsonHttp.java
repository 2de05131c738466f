package io.facecard.adapters.outbound.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP for the messenger APIs: status 0 is "no answer" (timeout, connection refused). */
public final class JsonHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public record Answer(int status, JsonNode body) {}

    private JsonHttp() {}

    public static Answer call(String method, String url, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json");
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode n = r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), n);
        } catch (IOException e) {
            return new Answer(0, JSON.createObjectNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, JSON.createObjectNode());
        }
    }
}
