package io.facecard.it;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Offboarding a chain erases its members and drops its face partition with DETACH PARTITION …
 * CONCURRENTLY, which waits for what still uses that partition instead of making other tenants
 * wait: while a long read of the leaving chain's templates is open, its offboarding cannot finish
 * and a third chain identifies meanwhile; once the read ends it finishes, even though another
 * chain's bulk load is still open on face_template.
 */
class OffboardingIT {
    static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void anOffboardedTenantsMembersAreErasedAndItsPartitionGoesWithoutStallingOthers() throws Exception {
        String operator = operatorToken();
        Chain leaving = onboard(operator);
        Chain loading = onboard(operator);
        Chain serving = onboard(operator);
        List<byte[]> people = Photos.people();
        String withFace = TemplateRefreshIT.enrolled(leaving, "+4915100007001", people.get(0));
        String plain = MembersAndFacesIT.member(leaving, "Plain Member", "+4915100007002", "OFF-7002");
        String servingMember = TemplateRefreshIT.enrolled(serving, "+4915100007003", people.get(1));
        String partition = "face_template_" + leaving.id().replace("-", "");

        assertThat(post("/api/v1/tenants/" + leaving.id() + "/offboard", operator, Map.of("confirmSlug", leaving.slug())).status())
                .as("an active tenant is suspended first").isEqualTo(409);
        post("/api/v1/tenants/" + leaving.id() + "/suspend", operator, Map.of("reason", "contract ended")).ok(200);
        Reply wrongSlug = post("/api/v1/tenants/" + leaving.id() + "/offboard", operator, Map.of("confirmSlug", serving.slug()));
        assertThat(wrongSlug.status()).isEqualTo(400);
        assertThat(wrongSlug.body()).contains("confirmSlug");
        assertThat(post("/api/v1/tenants/" + leaving.id() + "/offboard", serving.adminToken(),
                Map.of("confirmSlug", leaving.slug())).status()).as("only the operator offboards").isEqualTo(403);
        assertThat(status(operator, leaving)).as("refusals changed nothing").isEqualTo("SUSPENDED");

        try (Connection bulk = database(); Statement s = bulk.createStatement();
                Connection report = database(); Statement r = report.createStatement()) {
            bulk.setAutoCommit(false);
            s.execute("select set_config('app.tenant_id', '" + loading.id() + "', true)");
            s.execute("insert into face_template (tenant_id, id, member_id, embedding, quality, created_at) select '" + loading.id()
                    + "', gen_random_uuid(), gen_random_uuid(), (select array_agg(0.01)::vector(512) from generate_series(1, 512)), 1,"
                    + " now() from generate_series(1, 20)");
            // A long read of the leaving tenant's own templates (a snapshot that still sees its partition).
            report.setAutoCommit(false);
            report.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            r.execute("select set_config('app.tenant_id', '" + leaving.id() + "', true)");
            assertThat(count(r, "select count(*) from face_template where tenant_id = '" + leaving.id() + "'")).isPositive();

            Reply started = post("/api/v1/tenants/" + leaving.id() + "/offboard", operator,
                    Map.of("confirmSlug", leaving.slug(), "reason", "contract ended"));
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.get("status")).isEqualTo("OFFBOARDING");
            awaitErased(leaving, withFace, plain);

            // The detach waits for the report; a third tenant's till waits for neither it nor the bulk load.
            CompletableFuture<Reply> till = CompletableFuture.supplyAsync(() -> jpeg("/api/v1/identify", serving.adminToken(), people.get(1)));
            Reply identified = till.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(identified.status()).isEqualTo(200);
            assertThat(identified.json().path("member").path("id").asText()).isEqualTo(servingMember);
            Thread.sleep(3_000); // the runner's attempts go on meanwhile, each lock request cut after 50 ms
            assertThat(status(operator, leaving)).as("the detach waits for the open report on its partition").isEqualTo("OFFBOARDING");
            assertThat(jpeg("/api/v1/identify", serving.adminToken(), people.get(1)).status()).isEqualTo(200);

            report.commit();
            // Another tenant's bulk load, still open, does not hold the detach up: it never touched this partition.
            Instant deadline = Instant.now().plusSeconds(60);
            while (!status(operator, leaving).equals("OFFBOARDED") && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            assertThat(status(operator, leaving)).isEqualTo("OFFBOARDED");
            bulk.rollback();
        }

        try (Connection c = database(); Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from pg_class where relname = '" + partition + "'")).as("partition dropped").isZero();
            s.execute("select set_config('app.tenant_id', '" + leaving.id() + "', false)");
            assertThat(count(s, "select count(*) from member_key where tenant_id = '" + leaving.id() + "'")).as("keys shredded").isZero();
            assertThat(count(s, "select count(*) from member_view where tenant_id = '" + leaving.id() + "' and not erased")).isZero();
        }
        Instant projected = Instant.now().plusSeconds(10); // the history is projected after the fact
        List<String> history = List.of();
        while (!history.contains("OFFBOARDED") && Instant.now().isBefore(projected)) {
            Thread.sleep(100);
            history = get("/api/v1/tenants/" + leaving.id() + "/history", operator).ok(200).json().findValuesAsText("event");
        }
        assertThat(history).endsWith("OFFBOARDING_STARTED", "OFFBOARDED");
        assertThat(post("/api/v1/tenants/" + leaving.id() + "/resume", operator, null).status()).isEqualTo(409);
        assertThat(post("/api/v1/auth/token", null, Map.of("tenant", leaving.slug(), "username", "admin", "password", PASSWORD)).status())
                .as("nobody of the tenant logs in").isEqualTo(401);
        assertThat(jpeg("/api/v1/identify", serving.adminToken(), people.get(1)).ok(200).json().path("member").path("id").asText())
                .as("the other tenants' partitions are untouched").isEqualTo(servingMember);
    }

    /** The members are erased before the partition can go: the runner does them first. */
    private static void awaitErased(Chain leaving, String... members) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        try (Connection c = database(); Statement s = c.createStatement()) {
            while (true) {
                c.setAutoCommit(false);
                s.execute("select set_config('app.tenant_id', '" + leaving.id() + "', true)");
                long living = count(s, "select count(*) from member_view where tenant_id = '" + leaving.id() + "' and not erased");
                c.commit();
                if (living == 0 || Instant.now().isAfter(deadline)) {
                    assertThat(living).as("members of " + String.join(", ", members) + " still living").isZero();
                    return;
                }
                Thread.sleep(200);
            }
        }
    }

    private static String status(String operator, Chain chain) {
        return get("/api/v1/tenants/" + chain.id(), operator).ok(200).get("status");
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
