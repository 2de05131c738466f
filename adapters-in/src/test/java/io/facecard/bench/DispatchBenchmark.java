package io.facecard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 14's dispatcher benchmark: {@code bench.members} members bound to the sandbox's Telegram
 * bot, {@code bench.messages} service notices written straight into the outbox (as many facts at
 * once would), then the dispatcher's SENT count each 5 s for {@code bench.seconds}: with the fake's
 * limit on (about one message a second per chat, so the ceiling is one per member per second) and off.
 *
 * <pre>./mvnw -q -pl adapters-in exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.DispatchBenchmark \
 *   -Dbench.operatorPassword=$(cat /var/lib/facecard/operator-password) -Dbench.limits=false \
 *   -Dbench.jdbc=jdbc:postgresql://127.0.0.1:5432/facecard -Dbench.dbUser=... -Dbench.dbPassword=...</pre>
 */
public final class DispatchBenchmark {
    public static void main(String[] args) throws Exception {
        CheckoutLoadBenchmark.base = System.getProperty("bench.url", "http://127.0.0.1:9080");
        int memberCount = Integer.getInteger("bench.members", 500);
        int messages = Integer.getInteger("bench.messages", 100_000);
        int seconds = Integer.getInteger("bench.seconds", 60);
        boolean limits = Boolean.parseBoolean(System.getProperty("bench.limits", "true"));
        String control = System.getProperty("bench.sandbox", "http://127.0.0.1:9099");
        CheckoutLoadBenchmark.HTTP.send(HttpRequest.newBuilder(URI.create(control + "/telegram-limits?on=" + limits))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String operator = CheckoutLoadBenchmark.token(Map.of("username", "operator", "password", System.getProperty("bench.operatorPassword",
                "integration-tests-operator")));
        CheckoutLoadBenchmark.Store shop = CheckoutLoadBenchmark.store(operator, "bench-dispatch-", 0, memberCount);
        String admin = shop.admin();
        CheckoutLoadBenchmark.call("PUT", "/api/v1/messenger-accounts/TELEGRAM", admin, null, Map.of("sandbox", true));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            String m = shop.members().get(i).id();
            JsonNode offer = CheckoutLoadBenchmark.call("POST", "/api/v1/members/" + m + "/channels/TELEGRAM/binding", admin, null, Map.of());
            CheckoutLoadBenchmark.call("POST", "/api/v1/sandbox/telegram/start", admin, null, Map.of("token", offer.path("token").asText(),
                    "chatId", Long.toString(9_000_000L + i)));
            members.add(m);
        }
        Thread.sleep(3000); // the welcomes go out first
        try (Connection db = DriverManager.getConnection(System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/facecard"),
                System.getProperty("bench.dbUser", "facecard"), System.getProperty("bench.dbPassword", ""))) {
            String tenant = tenantOf(db, members.get(0));
            long t0 = System.nanoTime();
            try (PreparedStatement s = db.prepareStatement("insert into outbox_message (id, tenant_id, member_id, type, kind, fields, key, "
                    + "status, next_at, created_at) values (?, ?::uuid, ?::uuid, 'NOTE', 'SERVICE', '{\"text\":\"bench\"}', ?, 'QUEUED', ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < messages; i++) {
                    s.setObject(1, UUID.randomUUID());
                    s.setString(2, tenant);
                    s.setString(3, members.get(i % members.size()));
                    s.setString(4, "bench-" + i);
                    s.setTimestamp(5, now);
                    s.setTimestamp(6, now);
                    s.addBatch();
                    if (i % 1000 == 999) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            System.out.printf("queued %d notices for %d members in %.1f s; Telegram limits %s%n", messages, members.size(),
                    (System.nanoTime() - t0) / 1e9, limits ? "on" : "off");
            // Counted from the first insert: the dispatcher starts sending while the outbox is still being filled.
            long start = 0;
            long begin = t0;
            for (int s = 5; s <= seconds; s += 5) {
                Thread.sleep(5000);
                long n = sent(db, tenant) - start;
                double elapsed = (System.nanoTime() - begin) / 1e9;
                System.out.printf("  %5.1f s: %7d sent, %.0f messages/s%n", elapsed, n, n / elapsed);
                if (n >= messages) {
                    break;
                }
            }
            System.out.println(spanOf(db, tenant));
        }
    }

    static String tenantOf(Connection db, String member) throws Exception {
        try (PreparedStatement s = db.prepareStatement("select tenant_id from outbox_message where member_id = ?::uuid limit 1")) {
            s.setString(1, member);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    /** From the first to the last message sent, as the outbox recorded them. */
    static String spanOf(Connection db, String tenant) throws Exception {
        try (PreparedStatement s = db.prepareStatement("select count(*), extract(epoch from max(sent_at) - min(sent_at)) from outbox_message "
                + "where tenant_id = ?::uuid and type = 'NOTE' and status = 'SENT'")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long n = r.getLong(1);
                double span = r.getDouble(2);
                return String.format("outbox: %d sent between the first and the last in %.1f s = %.0f messages/s", n, span, n / Math.max(span, 1e-3));
            }
        }
    }

    static long sent(Connection db, String tenant) throws Exception {
        try (PreparedStatement s = db.prepareStatement("select count(*) from outbox_message where tenant_id = ?::uuid and type = 'NOTE' "
                + "and status = 'SENT'")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
