package io.facecard.adapters.outbound.instore;

import io.facecard.adapters.outbound.axon.Projection;
import io.facecard.application.instore.InStoreForgetting;
import io.facecard.application.instore.port.Visits;
import io.facecard.domain.checkout.CheckoutEvents.ReceiptIssuedEvent;
import io.facecard.domain.membership.ConsentPurpose;
import io.facecard.domain.membership.MemberEvents.ConsentRecordedEvent;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * A member who withdraws biometric consent leaves the visit data; a receipt at a store converts the member's visit that
 * was open then (or closed within {@link #GRACE}: the exit camera may see them before the till prints). Both are
 * idempotent, so a replay changes nothing.
 */
@Dependent
@ProcessingGroup(InStoreAxon.FOLLOWER)
public class InStoreProjection implements Projection {
    static final Duration GRACE = Duration.ofMinutes(10);

    @Inject
    InStoreForgetting forgetting;
    @Inject
    Visits visits;

    @EventHandler
    void on(ConsentRecordedEvent e) {
        if (e.purpose() == ConsentPurpose.BIOMETRIC_IDENTIFICATION && !e.granted()) {
            forgetting.erase(e.tenantId(), e.memberId()); // for this context, withdrawal is erasure
        }
    }

    @EventHandler
    void on(ReceiptIssuedEvent e) {
        if (e.memberId() != null && e.storeId() != null) {
            visits.converted(e.tenantId(), e.storeId(), e.memberId(), e.occurredAt(), GRACE);
        }
    }
}
