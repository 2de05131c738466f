package io.facecard.adapters.outbound.loyalty;

import io.facecard.application.support.RecentValues;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Each tenant's loyalty program and terms (currency, time zone) as read in the last three seconds: a
 * till's call needs them, and they were one query per call. Saving a program or changing a tenant's
 * settings forgets them on this replica at once; other replicas follow within the three seconds.
 */
@ApplicationScoped
public class RecentLoyaltySettings extends RecentValues<TenantId, JpaPrograms.Settings> {
    static final Duration TTL = Duration.ofSeconds(3);

    public RecentLoyaltySettings() {
        super(TTL, System::nanoTime);
    }
}
