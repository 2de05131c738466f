package io.facecard.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tenant's CRM receiving Facecard's webhooks on 127.0.0.1, written from the Standard Webhooks specification rather than
 * from the platform's code: {@code POST /hooks/<name>} checks {@code webhook-signature} against the secrets it was given
 * for that name (refusing a timestamp more than 5 minutes away, as the specification's libraries do), records the
 * delivery, and answers 204 (or, while told to fail, the status it was given). Control:
 * {@code POST /crm/secret?name=N} (body: the secret, may be given twice for a rotation), {@code POST /crm/fail?name=N&status=503&count=3}
 * ({@code count} -1: until told otherwise, 0: stop failing), {@code GET /crm/received?name=N}.
 */
public final class FakeCrm implements AutoCloseable {
    static final long TOLERANCE_SECONDS = 300;

    /** @param verified true: a signature matched one of the name's secrets; false: none did; null: no secret was given for the name */
    public record Received(String name, String id, String timestamp, String signature, String body, Boolean verified, int answered,
            String at) {}

    /** @param left answers still to fail; below 0: every answer fails until told otherwise */
    private record Failing(int status, AtomicInteger left) {
        boolean failsNow() {
            return left.get() < 0 || left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    private final HttpServer server;
    private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    public FakeCrm(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/hooks/", this::hook);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Where endpoints of the sandbox point: this and a name of one's choosing. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/";
    }

    public void secret(String name, String secret) {
        secrets.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>())).add(secret);
    }

    public void fail(String name, int status, int count) {
        if (count == 0) {
            failing.remove(name);
        } else {
            failing.put(name, new Failing(status, new AtomicInteger(count)));
        }
    }

    public List<Received> received(String name) {
        synchronized (received) {
            return received.stream().filter(r -> name == null || r.name().equals(name)).toList();
        }
    }

    /** The control port's {@code /crm/...} requests. */
    void control(HttpExchange x) throws IOException {
        try (x) {
            Map<String, String> q = FakeHttp.query(x);
            String name = q.get("name");
            String path = x.getRequestURI().getPath();
            if (path.endsWith("/received")) {
                FakeHttp.send(x, 200, Map.of("items", received(name)));
            } else if (path.endsWith("/secret") && name != null) {
                secret(name, new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip());
                FakeHttp.send(x, 200, Map.of("name", name, "secrets", secrets.get(name).size()));
            } else if (path.endsWith("/fail") && name != null) {
                int status = Integer.parseInt(q.getOrDefault("status", "503"));
                int count = Integer.parseInt(q.getOrDefault("count", "-1"));
                fail(name, status, count);
                FakeHttp.send(x, 200, Map.of("name", name, "status", status, "count", count));
            } else {
                FakeHttp.send(x, 404, Map.of("error", "GET /crm/received?name=N, POST /crm/secret?name=N, POST /crm/fail?name=N&status=503&count=3"));
            }
        } catch (NumberFormatException e) {
            FakeHttp.send(x, 400, Map.of("error", "status and count are numbers"));
        }
    }

    private void hook(HttpExchange x) throws IOException {
        try (x) {
            String name = x.getRequestURI().getPath().substring("/hooks/".length());
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = x.getRequestHeaders().getFirst("webhook-id");
            String timestamp = x.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = x.getRequestHeaders().getFirst("webhook-signature");
            Boolean verified = verify(name, id, timestamp, signature, body);
            int status = 204;
            Failing f = failing.get(name);
            if (Boolean.FALSE.equals(verified)) {
                status = 401;
            } else if (f != null && f.failsNow()) {
                status = f.status();
            }
            received.add(new Received(name, id, timestamp, signature, body, verified, status, Instant.now().toString()));
            if (status == 204) {
                x.sendResponseHeaders(204, -1);
            } else {
                FakeHttp.send(x, status, Map.of("error", status == 401 ? "signature does not verify" : "told to fail"));
            }
        }
    }

    private Boolean verify(String name, String id, String timestamp, String signature, String body) {
        List<String> known = secrets.get(name);
        if (known == null) {
            return null;
        }
        if (id == null || timestamp == null || signature == null) {
            return false;
        }
        long at;
        try {
            at = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - at) > TOLERANCE_SECONDS) {
            return false;
        }
        List<String> copy;
        synchronized (known) {
            copy = List.copyOf(known);
        }
        for (String secret : copy) {
            byte[] expected = ("v1," + hmac(secret, id + "." + timestamp + "." + body)).getBytes(StandardCharsets.UTF_8);
            for (String part : signature.split(" ")) {
                if (MessageDigest.isEqual(expected, part.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return "";
        }
    }

    /** For {@code GET /received}: every name's deliveries, newest last. */
    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", url());
        out.put("deliveries", received(null).size());
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
