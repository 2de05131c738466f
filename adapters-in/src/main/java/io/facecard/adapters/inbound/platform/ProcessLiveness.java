package io.facecard.adapters.inbound.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the JVM has headroom. The database is deliberately not part of liveness:
 * restarting pods does not heal a database outage, it only adds load.
 */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        boolean ok = used < rt.maxMemory() * 0.95;
        return HealthCheckResponse.named("process").withData("heapUsedBytes", used).status(ok).build();
    }
}
