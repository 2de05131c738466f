package io.facecard.adapters.outbound.crm;

import io.facecard.adapters.outbound.axon.AxonContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * CRM sync follows members, ledgers and checkouts on a processor of its own (a slow fan-out never holds up a till), from
 * the moment it is first deployed: history is not announced to endpoints that did not exist then.
 */
@ApplicationScoped
public class CrmAxon implements AxonContext {
    static final String FOLLOWER = "crm";

    @Override
    public List<Processor> processors() {
        return List.of(Processor.streaming(FOLLOWER, 1, 100).fromNow());
    }
}
