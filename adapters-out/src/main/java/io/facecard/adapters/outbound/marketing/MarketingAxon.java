package io.facecard.adapters.outbound.marketing;

import io.facecard.adapters.outbound.axon.AxonContext;
import io.facecard.domain.marketing.Campaign;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The marketing engine's part of Axon: the campaign aggregate and its read model (in the command's
 * transaction); the read models of purchases and visits follow the event store on their own
 * processor, off the till's transaction (a checkout never waits for them), up to 200 events to a
 * transaction (one commit per batch, not four per checkout).
 */
@ApplicationScoped
public class MarketingAxon implements AxonContext {
    static final String FACTS = "marketing-facts";
    static final String CAMPAIGNS = "campaigns";

    @Override
    public List<Aggregate> aggregates() {
        return List.of(Aggregate.of(Campaign.class));
    }

    @Override
    public List<Processor> processors() {
        return List.of(Processor.streaming(FACTS, 1, 200), Processor.subscribing(CAMPAIGNS));
    }
}
