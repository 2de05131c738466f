package io.facecard.it.tenancy;

import static io.facecard.it.Api.*;
import static io.facecard.it.platform.CrossTenantIT.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.it.Api;
import io.facecard.it.Eventually;
import io.facecard.it.Photos;
import io.facecard.it.biometrics.TemplateRefreshIT;
import io.facecard.it.membership.MembersAndFacesIT;
import io.facecard.it.platform.CrossTenantIT;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

        // A long report holding the tenant's partition open, which no API call can do: the detach must wait for it.
        try (Connection bulk = database(); Connection report = database(); Statement r = report.createStatement()) {
            TenantsDoNotStallEachOtherIT.bulkLoad(bulk, loading, 20);
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
            Eventually.until("the tenant OFFBOARDED", Duration.ofSeconds(60), () -> status(operator, leaving).equals("OFFBOARDED"));
            assertThat(status(operator, leaving)).isEqualTo("OFFBOARDED");
            bulk.rollback();
        }

        // What erasure left behind is no longer served by any API once the tenant is gone: the tables show it.
        try (Connection c = database(); Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from pg_class where relname = '" + partition + "'")).as("partition dropped").isZero();
            s.execute("select set_config('app.tenant_id', '" + leaving.id() + "', false)");
            assertThat(count(s, "select count(*) from member_key where tenant_id = '" + leaving.id() + "'")).as("keys shredded").isZero();
            assertThat(count(s, "select count(*) from member_view where tenant_id = '" + leaving.id() + "' and not erased")).isZero();
        }
        Eventually.until("OFFBOARDED in the history", Duration.ofSeconds(10), () -> history(operator, leaving).contains("OFFBOARDED")); // projected after the fact
        assertThat(history(operator, leaving)).endsWith("OFFBOARDING_STARTED", "OFFBOARDED");
        assertThat(post("/api/v1/tenants/" + leaving.id() + "/resume", operator, null).status()).isEqualTo(409);
        assertThat(post("/api/v1/auth/token", null, Map.of("tenant", leaving.slug(), "username", "admin", "password", PASSWORD)).status())
                .as("nobody of the tenant logs in").isEqualTo(401);
        assertThat(jpeg("/api/v1/identify", serving.adminToken(), people.get(1)).ok(200).json().path("member").path("id").asText())
                .as("the other tenants' partitions are untouched").isEqualTo(servingMember);
    }

    /** The members are erased before the partition can go: the runner does them first. */
    private static void awaitErased(Chain leaving, String... members) throws Exception {
        Eventually.until("no living member", Duration.ofSeconds(30), () -> living(leaving) == 0);
        assertThat(living(leaving)).as("members of " + String.join(", ", members) + " still living").isZero();
    }

    private static long living(Chain chain) throws Exception {
        // Erased members are not listed by the API: only the table counts the living ones.
        try (Connection c = database(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("select set_config('app.tenant_id', '" + chain.id() + "', true)");
            return count(s, "select count(*) from member_view where tenant_id = '" + chain.id() + "' and not erased");
        }
    }

    private static List<String> history(String operator, Chain chain) {
        return get("/api/v1/tenants/" + chain.id() + "/history", operator).ok(200).json().findValuesAsText("event");
    }

    private static String status(String operator, Chain chain) {
        return get("/api/v1/tenants/" + chain.id(), operator).ok(200).get("status");
    }
}
