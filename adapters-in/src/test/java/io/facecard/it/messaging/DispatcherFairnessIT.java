package io.facecard.it.messaging;

import static io.facecard.it.Api.get;
import static io.facecard.it.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.it.Api.Chain;
import io.facecard.it.Api;
import io.facecard.it.Eventually;
import io.facecard.it.Fakes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One chain's backlog of messages waits its turn beside another chain's: the dispatcher takes an
 * equal share of each tenant's due messages per batch. Before, it took the oldest across tenants,
 * and a backlog queued first held every other tenant's receipts until it drained.
 */
class DispatcherFairnessIT {
    static final int BACKLOG = 60_000;

    @Test
    void aTenantsWelcomeIsSentWhileAnotherTenantsOlderBacklogIsStillQueued() throws Exception {
        Fakes.sandbox();
        String operator = Api.operatorToken();
        Chain busy = Api.onboard(operator);
        Chain quiet = Api.onboard(operator);
        Api.call("PUT", "/api/v1/messenger-accounts/TELEGRAM", quiet.adminToken(), Map.of("sandbox", true)).ok(200);
        // A backlog of thousands of queued messages is written straight into the outbox: through the API it would take minutes.
        try (Connection db = Api.database(); Statement s = db.createStatement()) {
            // Older than anything the quiet tenant queues: oldest-first would send all of these first.
            s.execute("insert into outbox_message (id, tenant_id, member_id, type, kind, fields, key, status, next_at, created_at) "
                    + "select gen_random_uuid(), '" + busy.id() + "', gen_random_uuid(), 'RECEIPT', 'SERVICE', '{}', 'backlog-' || g, "
                    + "'QUEUED', now() - interval '1 minute', now() - interval '1 minute' from generate_series(1, " + BACKLOG + ") g");
            try {
                String member = post("/api/v1/members", quiet.adminToken(), Map.of("name", "Quiet Q", "locale", "en")).ok(201).get("id");
                String token = post("/api/v1/members/" + member + "/channels/TELEGRAM/binding", quiet.adminToken(), Map.of()).ok(201)
                        .get("token");
                String chat = Long.toString(800_000 + (long) (Math.random() * 1_000_000_000L));
                post("/api/v1/sandbox/telegram/start", quiet.adminToken(), Map.of("token", token, "chatId", chat)).ok(200);
                Eventually.until("the quiet tenant's welcome", Duration.ofSeconds(60), Duration.ofMillis(100),
                        () -> get("/api/v1/sandbox/messages?channel=TELEGRAM&to=" + chat, quiet.adminToken()).ok(200).json().size(), n -> n > 0);
                assertThat(get("/api/v1/sandbox/messages?channel=TELEGRAM&to=" + chat, quiet.adminToken()).ok(200).json()).hasSize(1);
                try (var r = s.executeQuery("select count(*) from outbox_message where tenant_id = '" + busy.id() + "' and status = 'QUEUED'")) {
                    r.next();
                    assertThat(r.getLong(1)).as("the busy tenant's backlog, still waiting when the quiet tenant's welcome went")
                            .isPositive();
                }
            } finally {
                // The dispatcher may be claiming a batch of these rows right now: a deadlock with it is retried, not a failure.
                for (int attempt = 1; ; attempt++) {
                    try {
                        s.execute("delete from outbox_message where tenant_id = '" + busy.id() + "'");
                        break;
                    } catch (SQLException e) {
                        if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                            throw e;
                        }
                        Thread.sleep(100L * attempt);
                    }
                }
            }
        }
    }
}
