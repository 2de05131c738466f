package io.facecard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A plain HTTP client against the running server, with the few steps every scenario repeats. */
public final class Api {
    public static final String BASE = System.getProperty("facecard.baseUrl", "http://127.0.0.1:9180");
    public static final String OPERATOR_PASSWORD = System.getProperty("facecard.operator.password", "integration-tests-operator");
    public static final String PASSWORD = "correct-horse-battery";
    public static final ObjectMapper JSON = new ObjectMapper();

    static {
        awaitReady();
    }

    /**
     * The server says it is up before the application has started (Liberty's CWWKF0011I, which the
     * build waits for); on a busy machine the first tests then met "Context Root Not Found". Every IT
     * waits here, once, for the application's readiness.
     */
    public static void awaitReady() {
        long until = System.currentTimeMillis() + 240_000;
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.currentTimeMillis() < until) {
            try {
                var r = probe.send(HttpRequest.newBuilder(URI.create(BASE + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {}

    public record Reply(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String get(String field) {
            return json().path(field).asText();
        }

        /** Asserts an RFC 9457 problem with this status; returns it for further checks. */
        public Reply problem(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            assertThat(contentType).as("content type of " + body).startsWith("application/problem+json");
            assertThat(json().path("status").asInt()).isEqualTo(expected);
            assertThat(json().path("type").asText()).startsWith("https://facecard.io/problems/");
            assertThat(json().path("title").asText()).isNotBlank();
            return this;
        }

        public Reply ok(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return this;
        }
    }

    public static Reply call(String method, String path, String token, Object body) {
        return raw(method, path, token, body == null ? null : write(body), "application/json");
    }

    public static Reply raw(String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    public static Reply bytes(String path, String token, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("POST " + path + " failed", e);
        }
    }

    public static Reply jpeg(String path, String token, byte[] body) {
        return bytes(path, token, body, "image/jpeg");
    }

    public static Reply get(String path, String token) {
        return call("GET", path, token, null);
    }

    public static Reply post(String path, String token, Object body) {
        return call("POST", path, token, body);
    }

    public static Reply patch(String path, String token, Object body) {
        return call("PATCH", path, token, body);
    }

    public static Reply delete(String path, String token) {
        return call("DELETE", path, token, null);
    }

    public static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The tests' database as the application role (row-level security applies). */
    public static Connection database() throws SQLException {
        String url = "jdbc:postgresql://" + System.getProperty("facecard.db.host", "127.0.0.1") + ":"
                + System.getProperty("facecard.db.port", "5432") + "/" + System.getProperty("facecard.db.name", "facecard_test");
        return DriverManager.getConnection(url, System.getProperty("facecard.db.user", "facecard"),
                System.getProperty("facecard.db.password"));
    }

    public static String operatorToken() {
        return post("/api/v1/auth/token", null, Map.of("username", "operator", "password", OPERATOR_PASSWORD))
                .ok(200).get("access_token");
    }

    public static String staffToken(String tenantSlug, String username, String password) {
        return post("/api/v1/auth/token", null, Map.of("tenant", tenantSlug, "username", username, "password", password))
                .ok(200).get("access_token");
    }

    /** A freshly onboarded chain with its admin logged in. */
    public record Chain(String id, String slug, String adminToken) {
        public String user(String username, String... roles) {
            post("/api/v1/users", adminToken, Map.of("username", username, "password", PASSWORD, "roles", roles)).ok(201);
            return staffToken(slug, username, PASSWORD);
        }

        public String store(String code) {
            return post("/api/v1/stores", adminToken, Map.of("name", "Store " + code, "code", code)).ok(201).get("id");
        }

        public JsonNode terminal(String storeId, String kind) {
            return post("/api/v1/stores/" + storeId + "/terminals", adminToken, Map.of("kind", kind, "name", kind + " 1"))
                    .ok(201).json();
        }
    }

    public static Chain onboard(String operatorToken) {
        return onboard(operatorToken, "EUR", "Europe/Berlin");
    }

    public static Chain onboard(String operatorToken, String currency, String timezone) {
        String slug = "chain-" + UUID.randomUUID().toString().substring(0, 8);
        Reply r = post("/api/v1/tenants", operatorToken, Map.of(
                "name", "Chain " + slug, "slug", slug, "currency", currency, "timezone", timezone,
                "admin", Map.of("username", "admin", "password", PASSWORD))).ok(201);
        return new Chain(r.get("id"), slug, staffToken(slug, "admin", PASSWORD));
    }
}
