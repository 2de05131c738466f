package io.facecard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What else is in flight when ReplicaKillBenchmark kills a replica: a campaign sending to many members over Telegram
 * (a channel without an idempotency key: a message sent just before the kill but not yet recorded may go out once
 * more, and is counted), and face-pays on WeChat Pay that stay USERPAYING for a few queries (so the payment worker has
 * steps in progress). Afterwards: every recipient got the message, how many twice; every payment ended, each charged
 * exactly once at the provider.
 */
final class InFlight {
    static final String CONTROL = System.getProperty("bench.sandbox", "http://127.0.0.1:9099");

    private InFlight() {}

    /** Calls with the same Idempotency-Key until a 2xx or {@code retrySeconds} pass, as a till does. */
    static JsonNode retried(String method, String path, String token, Object body) throws Exception {
        String key = UUID.randomUUID().toString();
        long until = System.nanoTime() + Long.getLong("bench.retrySeconds", 30) * 1_000_000_000L;
        while (true) {
            try {
                HttpResponse<String> r = CheckoutLoadBenchmark.send(method, path, token, key, body);
                if (r.statusCode() < 300) {
                    return CheckoutLoadBenchmark.JSON.readTree(r.body());
                }
                if (r.statusCode() < 500 && r.statusCode() != 409 && r.statusCode() != 429) {
                    throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
                }
            } catch (java.io.IOException e) {
                // the replica went away with the connection: try again
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException(method + " " + path + " gave up");
            }
            Thread.sleep(250);
        }
    }

    /** A campaign to {@code recipients} members bound to Telegram, written straight into the database. */
    static final class Campaign {
        final String admin;
        final String tenant;
        final String id;
        final int recipients;

        Campaign(String admin, String tenant, String id, int recipients) {
            this.admin = admin;
            this.tenant = tenant;
            this.id = id;
            this.recipients = recipients;
        }

        static Campaign prepare(Connection db, int recipients) throws Exception {
            CheckoutLoadBenchmark.Store shop = CheckoutLoadBenchmark.emptyTenant("bench-killcamp-");
            String admin = shop.admin();
            CheckoutLoadBenchmark.call("PUT", "/api/v1/messenger-accounts/TELEGRAM", admin, null, Map.of("sandbox", true));
            var local = java.time.LocalTime.now(java.time.ZoneId.of("Europe/Berlin")).withSecond(0).withNano(0);
            CheckoutLoadBenchmark.call("PATCH", "/api/v1/marketing-settings", admin, null, Map.of("quietFrom", local.plusHours(8).toString(),
                    "quietUntil", local.plusHours(9).toString()));
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(CONTROL + "/telegram-limits?on=false"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.discarding());
            String tenant = SegmentBenchmark.tenantOf(db, shop.slug());
            long chat = 900_000_000L + (long) (Math.random() * 50_000_000);
            try (Statement s = db.createStatement()) {
                s.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
                s.execute("insert into member_view (id, tenant_id, name, locale, erased, created_at, updated_at) select gen_random_uuid(), '"
                        + tenant + "', 'Member ' || g, 'en-GB', false, now(), now() from generate_series(1, " + recipients + ") g");
                s.execute("insert into channel_binding (tenant_id, member_id, channel, external_id, active, bound_at) select tenant_id, id, "
                        + "'TELEGRAM', (" + chat + " + row_number() over ())::text, true, now() from member_view where tenant_id = '" + tenant + "'");
                s.execute("insert into member_consent (member_id, sequence, tenant_id, purpose, granted, policy_version, source, actor, at) "
                        + "select id, 1, tenant_id, 'MARKETING_PUSH', true, 'bench', 'APP', 'bench', now() from member_view where tenant_id = '"
                        + tenant + "'");
                s.execute("analyze member_view");
            }
            String id = CheckoutLoadBenchmark.call("POST", "/api/v1/campaigns", admin, null, Map.of("name", "In flight", "channel", "TELEGRAM",
                    "condition", Map.of("property", "consent.MARKETING_PUSH", "operator", "equals", "value", true),
                    "message", Map.of("", "Hi {name}: kill test " + chat))).path("id").asText();
            return new Campaign(admin, tenant, id, recipients);
        }

        void start() throws Exception {
            retried("POST", "/api/v1/campaigns/" + id + "/start", admin, null);
        }

        /** Waits until every message ended, then counts what the Telegram fake received per chat. */
        void verify(Connection db) throws Exception {
            long deadline = System.nanoTime() + 600_000_000_000L;
            long open;
            do {
                Thread.sleep(1000);
                try (Statement s = db.createStatement(); var r = s.executeQuery("select count(*) filter (where status = 'QUEUED'), count(*) "
                        + "from outbox_message where tenant_id = '" + tenant + "' and type = 'CAMPAIGN'")) {
                    r.next();
                    open = r.getLong(1);
                    if (r.getLong(2) == 0) {
                        open = 1; // not queued yet
                    }
                }
            } while (open > 0 && System.nanoTime() < deadline);
            JsonNode v = CheckoutLoadBenchmark.call("GET", "/api/v1/campaigns/" + id, admin, null, null);
            long treated = v.path("recipients").asLong() - v.path("holdout").asLong();
            String marker = v.path("spec").path("message").path("").asText().replace("Hi {name}: ", "");
            JsonNode received = CheckoutLoadBenchmark.JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(CONTROL + "/received")).build(), BodyHandlers.ofString()).body()).path("telegram");
            Map<String, Integer> perChat = new HashMap<>();
            for (JsonNode m : received) {
                if (m.path("text").asText().contains(marker)) {
                    perChat.merge(m.path("to").asText(), 1, Integer::sum);
                }
            }
            long twice = perChat.values().stream().filter(n -> n > 1).count();
            long total = perChat.values().stream().mapToLong(Integer::longValue).sum();
            System.out.printf("campaign: %d recipients (%d in the holdout), %d reached at Telegram, %d messages in all: %d sent twice "
                    + "(Telegram has no idempotency key), %d not reached, %d outbox messages still queued%n", treated + v.path("holdout")
                    .asLong(), v.path("holdout").asLong(), perChat.size(), total, twice, treated - perChat.size(), open);
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(CONTROL + "/telegram-limits?on=true"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.discarding());
        }
    }

    /** WeChat face-pays started every {@code everyMs} until told to stop; each stays USERPAYING for two queries. */
    static final class FacePays {
        final String admin;
        final String till;
        final List<String[]> started = Collections.synchronizedList(new ArrayList<>());
        volatile boolean stop;

        FacePays(String admin, String till) {
            this.admin = admin;
            this.till = till;
        }

        static FacePays prepare(String operator) throws Exception {
            CheckoutLoadBenchmark.Store cny = CheckoutLoadBenchmark.store(operator, "bench-killpay-", 1, 0, "CNY");
            CheckoutLoadBenchmark.call("PUT", "/api/v1/payment-settings", cny.admin(), null, Map.of("firstQuerySeconds", 1, "queryEverySeconds", 1,
                    "payWindowSeconds", 60, "reverseNotBeforeSeconds", 30, "perPaymentLimit", 500));
            return new FacePays(cny.admin(), cny.keys().get(0));
        }

        Thread run(long everyMs) {
            Thread t = new Thread(() -> {
                while (!stop) {
                    try {
                        String checkout = retried("POST", "/api/v1/checkouts", till, Map.of("currency", "CNY", "lines", List.of(Map.of("sku", "TEA",
                                "name", "Tea", "quantity", 1, "unitPrice", new BigDecimal("11.00"))))).path("id").asText();
                        String payment = retried("POST", "/api/v1/checkouts/" + checkout + "/payments", till, Map.of("method", "WECHAT_PAY",
                                "amount", new BigDecimal("11.00"), "authCode", "130000000000000002")).path("paymentId").asText();
                        started.add(new String[] {checkout, payment});
                        Thread.sleep(everyMs);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        System.out.println("face-pay given up: " + e.getMessage());
                    }
                }
            }, "face-pays");
            t.start();
            return t;
        }

        void verify() throws Exception {
            Map<String, Integer> statuses = new HashMap<>();
            for (String[] p : started) {
                String status = "PENDING";
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (status.equals("PENDING") && System.nanoTime() < deadline) {
                    status = retried("GET", "/api/v1/checkouts/" + p[0] + "/payments/" + p[1], till, null).path("status").asText();
                    if (status.equals("PENDING")) {
                        Thread.sleep(500);
                    }
                }
                statuses.merge(status, 1, Integer::sum);
            }
            JsonNode wechat = CheckoutLoadBenchmark.JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(CONTROL + "/received")).build(), BodyHandlers.ofString()).body()).path("wechat");
            Map<String, Integer> charges = new HashMap<>();
            for (JsonNode r : wechat) {
                if (r.path("path").asText().endsWith("/codepay")) {
                    charges.merge(r.path("fields").path("out_trade_no").asText(), 1, Integer::sum);
                }
            }
            long once = started.stream().filter(p -> charges.getOrDefault(p[1].replace("-", ""), 0) == 1).count();
            long twice = started.stream().filter(p -> charges.getOrDefault(p[1].replace("-", ""), 0) > 1).count();
            System.out.printf("face-pays: %d started (WeChat, USERPAYING for two queries), ended %s; charged exactly once at the provider: %d, "
                    + "more than once: %d%n", started.size(), statuses, once, twice);
        }
    }
}
