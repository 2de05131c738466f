package io.facecard.marketing.port;

import io.facecard.domain.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

/** Port out: a tenant's marketing rules, stored with the tenant's other settings. */
public interface MarketingTerms {
    Optional<Terms> find(TenantId tenant);

    void save(TenantId tenant, Terms terms, Instant at);

    /**
     * @param maxPerWindow marketing messages per member within {@code windowDays}, across all campaigns
     * @param pointsExpiringDays how long before points lapse the member is told
     */
    record Terms(LocalTime quietFrom, LocalTime quietUntil, int maxPerWindow, int windowDays, int pointsExpiringDays) {
        /** Quiet 22:00-08:00, at most 3 marketing messages in 7 days, told 14 days before points lapse. */
        public static final Terms DEFAULT = new Terms(LocalTime.of(22, 0), LocalTime.of(8, 0), 3, 7, 14);

        public DeliveryWindow window() {
            return new DeliveryWindow(quietFrom, quietUntil, maxPerWindow, Duration.ofDays(windowDays));
        }
    }
}
