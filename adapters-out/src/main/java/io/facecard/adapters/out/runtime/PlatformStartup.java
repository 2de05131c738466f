package io.facecard.adapters.out.runtime;

import io.facecard.adapters.out.axon.AxonRuntime;
import io.facecard.adapters.out.membership.JdbcIdentifierClaims;
import io.facecard.adapters.out.security.JwtKeys;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import io.facecard.application.membership.port.ImportJobs;
import io.facecard.application.membership.port.ImportUploads;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Start-up order matters: the schema first (Flyway, on a non-JTA DataSource because Flyway
 * manages its own commits), then the signing keys, then Axon, whose processors read the schema.
 */
@ApplicationScoped
public class PlatformStartup {
    private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

    @Resource(lookup = "jdbc/facecardMigrations")
    DataSource migrations;
    @Inject
    JwtKeys keys;
    @Inject
    AxonRuntime axon;
    @Inject
    JdbcIdentifierClaims claims;
    @Inject
    ImportJobs imports;
    @Inject
    ImportUploads uploads;
    @Inject
    io.facecard.application.payment.PaymentWorker payments;
    @Inject
    io.facecard.marketing.delivery.Dispatcher messages;
    @Inject
    io.facecard.marketing.campaigns.CampaignRunner campaigns;
    @Inject
    io.facecard.tenants.tenancy.TenantOffboardingRunner offboardings;
    @Inject
    io.facecard.marketing.segments.SpendWindow spendWindow;
    @Inject
    io.facecard.application.membership.port.FaceAnalysis faces;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        long t0 = System.nanoTime();
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(migrations)
                .locations("classpath:db/migration")
                .callbackLocations("classpath:db/callback") // Liberty finds only folders marked by flyway.location
                // A session lock, not one held in an open transaction: CREATE INDEX CONCURRENTLY waits for every
                // open transaction, so under the transactional lock it waited for Flyway's own (flyway#3682).
                .configuration(java.util.Map.of("flyway.postgresql.transactional.lock", "false"))
                .load()
                .migrate();
        LOG.info("Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations run)");
        keys.ensurePresent();
        int claimed = claims.backfill();
        if (claimed > 0) {
            LOG.info("Claimed " + claimed + " identifiers of members registered before command-side claims");
        }
        // Uploads are never kept across a restart: jobs they fed are over, and the same files finish them.
        uploads.discardAll();
        int interrupted = imports.interruptUnfinished(java.time.Instant.now());
        if (interrupted > 0) {
            LOG.info(interrupted + " import jobs were interrupted by the last stop");
        }
        // The face pipeline's threads start here, at normal priority. Linux gives a new thread its creator's nice
        // value, and the pipeline is made on first use: when that was an import's photo (nice 19), the tills' lane
        // was born at nice 19 too, and an unprivileged process cannot raise it again.
        faces.impostorTail();
        axon.start();
        // Payments a crash left open are taken over from here: queried, reversed or refunded as their step comes due.
        payments.start();
        // Messages queued before a stop (or claimed by a dispatcher that died) go out from here.
        messages.start();
        // Campaigns that were scheduled, or cut off while queueing their messages, go on from here.
        campaigns.start();
        offboardings.start();
        spendWindow.start();
        LOG.info("Facecard started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        axon.stop();
    }
}
