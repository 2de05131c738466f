package io.facecard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * A campaign to {@code -Dbench.recipients} members (default 100,000), each bound to the sandbox's
 * Telegram bot with MARKETING_PUSH (written straight into the read models), a personal message with
 * a unique code each: prints the time from start until the audience is frozen and every message is
 * queued, and until every message is handed to the fake (its limits off, so the dispatcher is measured).
 *
 * <pre>./mvnw -q -pl adapters-in exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.facecard.bench.CampaignBenchmark \
 *   -Dbench.operatorPassword=$(cat /var/lib/facecard/operator-password) -Dbench.dbPassword=$(cat /var/lib/facecard/db-password)</pre>
 */
public final class CampaignBenchmark {
    private CampaignBenchmark() {}

    public static void main(String[] args) throws Exception {
        int recipients = Integer.getInteger("bench.recipients", 100_000);
        CheckoutLoadBenchmark.Store shop = CheckoutLoadBenchmark.emptyTenant("bench-camp-");
        String admin = shop.admin();
        CheckoutLoadBenchmark.call("PUT", "/api/v1/messenger-accounts/TELEGRAM", admin, null, Map.of("sandbox", true));
        // No quiet hours now (the default 22:00-08:00 would hold every message of a run at night), no cap in the way.
        var local = LocalTime.now(ZoneId.of("Europe/Berlin")).withSecond(0).withNano(0);
        CheckoutLoadBenchmark.call("PATCH", "/api/v1/marketing-settings", admin, null, Map.of("quietFrom", local.plusHours(8).toString(),
                "quietUntil", local.plusHours(9).toString()));
        String control = System.getProperty("bench.sandbox", "http://127.0.0.1:9099");
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(control + "/telegram-limits?on=false"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        try (Connection db = DriverManager.getConnection(System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:5432/facecard"),
                System.getProperty("bench.dbUser", "facecard"), System.getProperty("bench.dbPassword", ""))) {
            String tenant = SegmentBenchmark.tenantOf(db, shop.slug());
            try (Statement s = db.createStatement()) {
                s.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
                s.execute("insert into member_view (id, tenant_id, name, locale, erased, created_at, updated_at) select gen_random_uuid(), '"
                        + tenant + "', 'Member ' || g, 'en-GB', false, now(), now() from generate_series(1, " + recipients + ") g");
                s.execute("insert into channel_binding (tenant_id, member_id, channel, external_id, active, bound_at) select tenant_id, id, "
                        + "'TELEGRAM', (800000000 + row_number() over ())::text, true, now() from member_view where tenant_id = '" + tenant + "'");
                s.execute("insert into member_consent (member_id, sequence, tenant_id, purpose, granted, policy_version, source, actor, at) "
                        + "select id, 1, tenant_id, 'MARKETING_PUSH', true, 'bench', 'APP', 'bench', now() from member_view where tenant_id = '"
                        + tenant + "'");
                s.execute("analyze member_view");
            }
            JsonNode c = CheckoutLoadBenchmark.call("POST", "/api/v1/campaigns", admin, null, Map.of("name", "Bench", "channel", "TELEGRAM",
                    "holdoutShare", 0.1, "condition", Map.of("property", "consent.MARKETING_PUSH", "operator", "equals", "value", true),
                    "message", Map.of("", "Hi {name}, your code {coupon}"), "offer", Map.of("kind", "COUPON", "title", "5 off", "value", 5,
                            "codes", "UNIQUE", "pattern", Map.of("prefix", "B-", "length", 10))));
            String id = c.path("id").asText();
            long t0 = System.nanoTime();
            CheckoutLoadBenchmark.call("POST", "/api/v1/campaigns/" + id + "/start", admin, null, null);
            double queuedAt = -1;
            long treated = -1;
            while (true) {
                Thread.sleep(500);
                double t = (System.nanoTime() - t0) / 1e9;
                if (queuedAt < 0) {
                    JsonNode v = CheckoutLoadBenchmark.call("GET", "/api/v1/campaigns/" + id, admin, null, null);
                    if (v.path("status").asText().equals("COMPLETED")) {
                        queuedAt = t;
                        treated = v.path("recipients").asLong() - v.path("holdout").asLong();
                        System.out.printf("audience frozen and %,d messages queued (%,d in the holdout) %.1f s after start%n", treated,
                                v.path("holdout").asLong(), t);
                    }
                }
                if (treated >= 0) {
                    long sent = sent(db, tenant);
                    if (sent >= treated || t > 600) {
                        System.out.printf("%,d of %,d messages handed to the fake %.1f s after start (%.0f messages/s from start)%n", sent,
                                treated, t, sent / t);
                        break;
                    }
                }
            }
        } finally {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(control + "/telegram-limits?on=true"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    static long sent(Connection db, String tenant) throws Exception {
        try (PreparedStatement s = db.prepareStatement("select count(*) from outbox_message where tenant_id = ?::uuid and type = 'CAMPAIGN' "
                + "and status = 'SENT'")) {
            s.setString(1, tenant);
            var r = s.executeQuery();
            r.next();
            return r.getLong(1);
        }
    }
}
