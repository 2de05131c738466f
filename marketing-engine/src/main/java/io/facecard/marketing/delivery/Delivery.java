package io.facecard.marketing.delivery;

import io.facecard.marketing.port.Notice;
import io.facecard.marketing.port.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Queues a notice in the caller's transaction: it is sent only if, and once, the fact behind it commits. */
@ApplicationScoped
@Transactional
public class Delivery {
    private Outbox outbox;
    private Clock clock;

    protected Delivery() {}

    @Inject
    public Delivery(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public boolean queue(Notice notice) {
        return outbox.queue(notice, clock.instant());
    }
}
