package io.facecard.adapters.outbound.platform;

import io.facecard.application.platform.StartupStep;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Start-up: the schema first (Flyway, on a non-JTA DataSource because Flyway manages its own
 * commits), then every {@link StartupStep} bean in its phase: keys, repairs, warm-ups, Axon,
 * then the background workers that read what Axon projects. A context plugs in by adding a step.
 */
@ApplicationScoped
public class PlatformStartup {
    private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());
    private static final Comparator<StartupStep> BY_PHASE = Comparator.comparingInt(StartupStep::phase)
            .thenComparing(s -> s.getClass().getName());

    @Resource(lookup = "jdbc/facecardMigrations")
    DataSource migrations;
    @Inject
    @Any
    Instance<StartupStep> steps;
    /**
     * apply (one machine, tests: every start migrates; Flyway's lock serialises replicas), verify (Kubernetes replicas:
     * the schema must already be current), only (the rollout's migration Job: migrate and exit).
     */
    @Inject
    @ConfigProperty(name = "facecard.migrations", defaultValue = "apply")
    String mode;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        long t0 = System.nanoTime();
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(migrations)
                // Each context's migrations sit in a folder of their own below this one; Flyway reads them all.
                .locations("classpath:db/migration")
                .callbackLocations("classpath:db/callback") // Liberty finds only folders marked by flyway.location
                // A session lock, not one held in an open transaction: CREATE INDEX CONCURRENTLY waits for every
                // open transaction, so under the transactional lock it waited for Flyway's own (flyway#3682).
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .load();
        if (mode.equals("verify")) {
            int pending = flyway.info().pending().length;
            if (pending > 0) {
                // A replica of the new version before the rollout's migration Job finished: it must not run on the old
                // schema. Failing here keeps it unready; the startup probe restarts it until the schema has caught up.
                throw new IllegalStateException(pending + " schema migrations are pending; the rollout's migration Job runs them");
            }
            LOG.info("Schema at version " + flyway.info().current().getVersion() + " (verified, not migrated: FACECARD_MIGRATIONS=verify)");
        } else {
            var result = flyway.migrate();
            LOG.info("Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations run)");
            if (mode.equals("only")) {
                // The migration Job: its work is done, and a zero exit tells Kubernetes so.
                LOG.info("FACECARD_MIGRATIONS=only: exiting after the migrations");
                System.exit(0);
            }
        }
        for (StartupStep step : ordered()) {
            step.start();
        }
        LOG.info("Facecard started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        List<StartupStep> backwards = new ArrayList<>(ordered());
        Collections.reverse(backwards);
        backwards.forEach(StartupStep::stop);
    }

    private List<StartupStep> ordered() {
        return steps.stream().sorted(BY_PHASE).toList();
    }
}
