package io.facecard.tenants.tenancy;

import io.facecard.application.security.Caller;
import io.facecard.application.support.RecentValues;
import io.facecard.tenants.tenancy.port.Terminal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Terminal keys confirmed in the last {@link #TTL}, by key hash. A till calls four times per checkout;
 * looking its key and tenant up each time cost a transaction of its own, a tenth of the server's
 * CPU under till load. A revocation or a suspension forgets every entry ({@link RecentValues}); only
 * keys found valid are remembered, so a caller with made-up keys adds nothing.
 */
@ApplicationScoped
public class RecentTerminals extends RecentValues<String, Caller.Terminal> {
    static final Duration TTL = Duration.ofSeconds(3);

    public RecentTerminals() {
        this(System::nanoTime);
    }

    RecentTerminals(LongSupplier nanoTime) {
        super(TTL, nanoTime);
    }
}
