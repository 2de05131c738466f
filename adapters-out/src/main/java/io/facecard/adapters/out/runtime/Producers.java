package io.facecard.adapters.out.runtime;

import io.facecard.tenants.tenancy.PasswordHashing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Values the use cases need but must not create themselves: the clock and the password cost. */
@ApplicationScoped
public class Producers {
    @Inject
    @ConfigProperty(name = "facecard.password.pbkdf2-iterations", defaultValue = "210000")
    int iterations;

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    PasswordHashing passwordHashing() {
        return new PasswordHashing(iterations);
    }
}
