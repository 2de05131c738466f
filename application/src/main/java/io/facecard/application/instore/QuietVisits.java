package io.facecard.application.instore;

import io.facecard.application.instore.port.Visits;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes the visits of members no camera has seen for the window (they left by a door without a camera, or it missed
 * them), as of their last sighting, for the tenants whose cameras this replica has served.
 */
@ApplicationScoped
public class QuietVisits {
    private final Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
    private Visits visits;
    private PassersBy passersBy;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected QuietVisits() {}

    @Inject
    public QuietVisits(Visits visits, PassersBy passersBy, Clock clock) {
        this.visits = visits;
        this.passersBy = passersBy;
        this.clock = clock;
    }

    void active(TenantId tenant) {
        tenants.add(tenant);
    }

    /** @return how many visits were closed */
    @Transactional
    public int closeAll() {
        int closed = 0;
        for (TenantId tenant : tenants) {
            closed += visits.closeQuiet(tenant, clock.instant().minus(passersBy.window()));
        }
        return closed;
    }
}
