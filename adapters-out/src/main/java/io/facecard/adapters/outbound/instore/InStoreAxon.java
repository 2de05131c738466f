package io.facecard.adapters.outbound.instore;

import io.facecard.adapters.outbound.axon.AxonContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Store analytics follows members' consents and the receipts on a processor of its own, off the till's transaction. */
@ApplicationScoped
public class InStoreAxon implements AxonContext {
    static final String FOLLOWER = "instore";

    @Override
    public List<Aggregate> aggregates() {
        return List.of();
    }

    @Override
    public List<Processor> processors() {
        return List.of(Processor.streaming(FOLLOWER, 1, 100));
    }
}
