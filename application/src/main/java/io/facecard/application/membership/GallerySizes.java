package io.facecard.application.membership;

import io.facecard.application.membership.port.FaceTemplates;
import io.facecard.application.support.RecentValues;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * How many templates each tenant's gallery holds, counted at most once a {@link #TTL}: the
 * threshold follows the gallery's size, and a count of 100,000 rows on every identify would cost
 * more than the search. A gallery grows by a few per cent a day, so a minute old is exact enough.
 */
@ApplicationScoped
public class GallerySizes extends RecentValues<TenantId, Long> {
    static final Duration TTL = Duration.ofSeconds(60);

    @Inject
    FaceTemplates templates;

    public GallerySizes() {
        super(TTL, System::nanoTime);
    }

    public long of(TenantId tenant) {
        return get(tenant, () -> templates.count(tenant));
    }
}
