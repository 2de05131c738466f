package io.facecard.adapters.inbound.platform;

import io.facecard.application.platform.port.MessagingHealth;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers within a second and every Axon processor runs. */
@Readiness
@ApplicationScoped
public class DatabaseAndAxonReadiness implements HealthCheck {
    @Resource(lookup = "jdbc/facecardMigrations")
    DataSource dataSource;
    @Inject
    MessagingHealth messaging;

    @Override
    public HealthCheckResponse call() {
        boolean database = databaseAnswers();
        boolean processors = messaging.healthy();
        var response = HealthCheckResponse.named("facecard")
                .withData("database", database)
                .withData("axonProcessors", processors);
        messaging.processors().forEach((name, state) -> response.withData("processor." + name, state));
        return response.status(database && processors).build();
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }
}
