package io.facecard.adapters.outbound.platform;

import io.facecard.tenants.tenancy.PasswordHashing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Values the use cases need but must not create themselves: the clock and the password cost. */
@ApplicationScoped
public class Producers {
    @Inject
    @ConfigProperty(name = "facecard.password.pbkdf2-iterations", defaultValue = "210000")
    int iterations;

    @Produces
    @Singleton
    Clock clock() {
        // PostgreSQL keeps microseconds: a clock that ticks in microseconds makes what a
        // response says equal to what a later read returns.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Produces
    @Singleton
    PasswordHashing passwordHashing() {
        return new PasswordHashing(iterations);
    }
}
