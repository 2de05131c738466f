package io.facecard.adapters.outbound.instore;

import io.facecard.application.instore.PassersBy;
import io.facecard.application.instore.SightingQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Store analytics' in-memory parts, sized by configuration. */
@ApplicationScoped
public class InStoreProducers {
    /** How long a passer-by's face is remembered after they were last seen, and how long a quiet visit stays open. */
    @Inject
    @ConfigProperty(name = "facecard.instore.window", defaultValue = "PT2H")
    Duration window;
    /** At most this many passers-by remembered per store (the oldest forgotten first): bounds memory. */
    @Inject
    @ConfigProperty(name = "facecard.instore.faces-per-store", defaultValue = "5000")
    int facesPerStore;
    @Inject
    @ConfigProperty(name = "facecard.instore.queue-per-tenant", defaultValue = "200")
    int queuePerTenant;
    @Inject
    @ConfigProperty(name = "facecard.instore.queue", defaultValue = "2000")
    int queue;

    /** Singletons, not proxied: the two are plain final classes the use cases share. */
    @Produces
    @Singleton
    PassersBy passersBy() {
        return new PassersBy(window, facesPerStore);
    }

    @Produces
    @Singleton
    SightingQueue sightingQueue() {
        return new SightingQueue(queuePerTenant, queue);
    }
}
