package io.facecard.adapters.outbound.membership;

import io.facecard.adapters.outbound.axon.AxonContext;
import io.facecard.domain.membership.Member;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Membership's part of Axon: members and their directory (subscribing: a duplicate phone fails the command). */
@ApplicationScoped
public class MembershipAxon implements AxonContext {
    @Override
    public List<Aggregate> aggregates() {
        return List.of(Aggregate.of(Member.class));
    }

    @Override
    public List<Processor> processors() {
        return List.of(Processor.subscribing(MemberDirectoryProjection.PROCESSOR));
    }
}
