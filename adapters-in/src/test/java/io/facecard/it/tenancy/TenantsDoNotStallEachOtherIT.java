package io.facecard.it.tenancy;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.it.Api;
import io.facecard.it.Photos;
import io.facecard.it.Till;
import io.facecard.it.checkout.CheckoutIT;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One chain's long transaction on its face templates (a bulk load) must not stall another chain's
 * onboarding, and the onboarding must not stall a third chain's tills. With CREATE TABLE ... PARTITION
 * OF the onboarding waited for an ACCESS EXCLUSIVE lock on face_template behind the bulk load, and
 * every till's identify queued behind that waiting lock for as long as the load ran. Everything here
 * happens while the bulk load's transaction is still open: each step finishing is the proof.
 */
class TenantsDoNotStallEachOtherIT {
    static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void onboardingAndIdentifyGoOnWhileAnotherTenantBulkLoadsTemplates() throws Exception {
        String operator = operatorToken();
        Chain loading = onboard(operator);
        Chain serving = onboard(operator);
        Till servingTill = Till.of(serving, "S1");
        byte[] photo = Photos.people().get(0);
        // A bulk load holding the table, which no API call can do for this long: read straight from the database.
        try (Connection bulk = database()) {
            bulkLoad(bulk, loading, 50);
            // The bulk load's transaction stays open (row exclusive lock on face_template) during all that follows.
            // Each step below must finish while the bulk load still holds its lock; PATIENCE only keeps a
            // regression from hanging the build (the old DDL waited until the holder ended).
            Chain joined = CompletableFuture.supplyAsync(() -> onboard(operator)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            CompletableFuture<Reply> till = CompletableFuture.supplyAsync(() -> bytes("/api/v1/identify", serving.adminToken(), photo,
                    "image/jpeg"));
            assertThat(till.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).status()).as("another tenant's identify").isEqualTo(200);
            CompletableFuture<String> sale = CompletableFuture.supplyAsync(() -> CheckoutIT.open(servingTill));
            assertThat(sale.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("another tenant's checkout").isNotBlank();
            CompletableFuture<Reply> newTill = CompletableFuture.supplyAsync(() -> bytes("/api/v1/identify", joined.adminToken(), photo,
                    "image/jpeg"));
            assertThat(newTill.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).json().path("decision").asText())
                    .as("the new tenant's own partition answers at once").isEqualTo("NO_MATCH");
            bulk.rollback();
        }
    }

    /** Opens a bulk load of {@code rows} templates into the tenant's partition and leaves its transaction open. */
    static void bulkLoad(Connection bulk, Chain tenant, int rows) throws SQLException {
        bulk.setAutoCommit(false);
        try (Statement s = bulk.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + tenant.id() + "', true)");
            s.execute("insert into face_template (tenant_id, id, member_id, embedding, quality, created_at) select '" + tenant.id()
                    + "', gen_random_uuid(), gen_random_uuid(), (select array_agg(0.01)::vector(512) from generate_series(1, 512)), 1,"
                    + " now() from generate_series(1, " + rows + ")");
        }
    }

    @Test
    void aNewTenantsPartitionIsAttachedWithItsOwnIndexes() throws Exception {
        Chain chain = onboard(operatorToken());
        String partition = "face_template_" + chain.id().replace("-", "");
        // Partitions are the schema's business: only the catalogue shows that onboarding made one.
        try (Connection c = database(); Statement s = c.createStatement();
                var r = s.executeQuery("select (select count(*) from pg_inherits where inhparent = 'face_template'::regclass "
                        + "and inhrelid = '" + partition + "'::regclass), (select count(*) from pg_indexes where tablename = '"
                        + partition + "' and indexdef like '%hnsw%')")) {
            r.next();
            assertThat(r.getInt(1)).as("attached to face_template").isEqualTo(1);
            assertThat(r.getInt(2)).as("its HNSW index").isEqualTo(1);
        }
    }
}
