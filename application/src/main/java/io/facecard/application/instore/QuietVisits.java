package io.facecard.application.instore;

import io.facecard.application.instore.port.Visits;
import io.facecard.application.instore.port.WatchLists;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes the visits of members no camera has seen for the window (they left by a door without a camera, or it missed
 * them), as of their last sighting, and deletes lapsed watch-list entries (faces included) and STAFF entries of
 * deactivated accounts, for the tenants whose cameras this replica has served (adding an entry sweeps its tenant too).
 */
@ApplicationScoped
public class QuietVisits {
    private final Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
    private Visits visits;
    private WatchLists lists;
    private PassersBy passersBy;
    private Clock clock;

    /** For the CDI client proxy only. */
    protected QuietVisits() {}

    @Inject
    public QuietVisits(Visits visits, WatchLists lists, PassersBy passersBy, Clock clock) {
        this.visits = visits;
        this.lists = lists;
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
            lists.purge(tenant, clock.instant());
        }
        return closed;
    }
}
