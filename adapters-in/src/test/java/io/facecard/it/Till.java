package io.facecard.it;

import io.facecard.it.Api.Reply;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A POS terminal's view of the API: every mutating call carries an Idempotency-Key. */
public final class Till {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer and whether the server replayed a stored first answer. */
    public record Answer(Reply reply, boolean replayed) {}

    public final String token;

    public Till(String token) {
        this.token = token;
    }

    /** A new POS till in a new store of the chain. */
    public static Till of(Api.Chain chain, String storeCode) {
        return new Till(chain.terminal(chain.store(storeCode), "POS").get("apiKey").asText());
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    /** A camera photo to a till endpoint (identify by face), with its own idempotency key. */
    public Reply photo(String path, byte[] jpeg) {
        return upload(path, "image/jpeg", jpeg);
    }

    /** A burst of camera frames to a till endpoint, one image part each. */
    public Reply frames(String path, byte[]... jpegs) {
        Multipart m = Multipart.of(jpegs);
        return upload(path, m.contentType(), m.body());
    }

    private Reply upload(String path, String contentType, byte[] body) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> a = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            return new Reply(a.statusCode(), a.headers().firstValue("Content-Type").orElse(""), a.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("POST " + path + " failed", e);
        }
    }

    public Reply post(String path, Object body) {
        return send("POST", path, key(), body).reply();
    }

    public Answer send(String method, String path, String key, Object body) {
        try {
            return exchange(method, path, key, body);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    /** Throws when the server cannot be reached: what a till sees while the server is down. */
    public Answer exchange(String method, String path, String key, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(Api.write(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()),
                r.headers().firstValue("Idempotent-Replayed").isPresent());
    }

    public static Map<String, Object> line(String sku, String category, int quantity, String unitPrice) {
        return category == null ? Map.of("sku", sku, "name", sku, "quantity", quantity, "unitPrice", new BigDecimal(unitPrice))
                : Map.of("sku", sku, "name", sku, "category", category, "quantity", quantity, "unitPrice", new BigDecimal(unitPrice));
    }

    public static Map<String, Object> basket(Map<String, Object>... lines) {
        return Map.of("currency", "EUR", "lines", List.of(lines));
    }

    public static Map<String, Object> paid(String receipt, String method, String amount) {
        return Map.of("receiptNumber", receipt, "payments", List.of(Map.of("method", method, "amount", new BigDecimal(amount))));
    }
}
