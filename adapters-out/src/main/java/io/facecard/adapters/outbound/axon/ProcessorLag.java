package io.facecard.adapters.outbound.axon;

import io.facecard.application.platform.StartupStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code facecard_axon_processor_lag{processor}}: how many events each streaming processor's slowest segment is behind
 * the event store's head (a projection that stopped, or cannot keep up, grows it). A replica reports the segments it
 * holds (0 for a processor whose segments another replica claimed): alert on the max over replicas.
 */
@ApplicationScoped
public class ProcessorLag implements StartupStep {
    @Inject
    MetricRegistry registry;
    @Inject
    AxonRuntime axon;

    @Override
    public int phase() {
        return WORKERS;
    }

    @Override
    public void start() {
        for (String name : axon.processors().keySet()) {
            registry.gauge(Metadata.builder().withName("facecard.axon.processor.lag").withDescription(
                    "Events the processor's slowest segment is behind the event store's head").build(), () -> lag(name),
                    new Tag("processor", name));
        }
    }

    long lag(String processor) {
        EventProcessor p = axon.processors().get(processor);
        if (!(p instanceof StreamingEventProcessor s)) {
            return 0;
        }
        OptionalLong head = axon.eventStore().createHeadToken().position();
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : s.processingStatus().values()) {
            slowest = Math.min(slowest, status.getCurrentPosition().orElse(-1));
        }
        return head.isPresent() && slowest != Long.MAX_VALUE ? Math.max(0, head.getAsLong() - slowest) : 0;
    }
}
