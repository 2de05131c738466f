package io.facecard.adapters.outbound.crm;

import io.facecard.domain.crm.DeliveryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The delivery policy from configuration: a day's window and backoff from 10 s to an hour unless set otherwise (the
 * integration tests shorten them to see an endpoint given up and disabled in seconds).
 */
@ApplicationScoped
public class CrmProducers {
    @Inject
    @ConfigProperty(name = "facecard.crm.first-retry", defaultValue = "PT10S")
    Duration first;
    @Inject
    @ConfigProperty(name = "facecard.crm.longest-retry", defaultValue = "PT1H")
    Duration longest;
    @Inject
    @ConfigProperty(name = "facecard.crm.retry-window", defaultValue = "P1D")
    Duration window;

    @Produces
    @Singleton
    DeliveryPolicy policy() {
        return new DeliveryPolicy(first, longest, window);
    }
}
