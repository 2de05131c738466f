package io.facecard.adapters.inbound.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few calls the CLI makes, over the JDK's HTTP client; answers are read field by field (flat JSON). */
final class Api {
    record Answer(int status, String body, String location) {
        String field(String name) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.]+|true|false|null)")
                    .matcher(body);
            if (!m.find()) {
                return null;
            }
            return m.group(2) != null ? m.group(2).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(1);
        }

        long number(String name) {
            String v = field(name);
            return v == null || v.equals("null") ? 0 : Long.parseLong(v);
        }

        /** A problem's words for a person: its detail, else its title. */
        String problem() {
            String detail = field("detail");
            return status + " " + (detail != null ? detail : field("title") != null ? field("title") : body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String token;

    Api(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    void useToken(String token) {
        this.token = token;
    }

    Answer login(String tenant, String username, String password) throws IOException, InterruptedException {
        String body = "{\"tenant\":" + quote(tenant) + ",\"username\":" + quote(username) + ",\"password\":" + quote(password) + "}";
        return send(request("/api/v1/auth/token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Streams the file from disk: a large archive is never held in memory here either. */
    Answer upload(Path file, String contentType, boolean dryRun) throws IOException, InterruptedException {
        return send(request("/api/v1/members/import" + (dryRun ? "?dryRun=true" : "")).header("Content-Type", contentType)
                .timeout(Duration.ofHours(2)).POST(HttpRequest.BodyPublishers.ofFile(file)));
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
    }

    static String quote(String v) {
        if (v == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
