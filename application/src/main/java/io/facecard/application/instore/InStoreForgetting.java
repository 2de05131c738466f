package io.facecard.application.instore;

import io.facecard.application.instore.port.Alerts;
import io.facecard.application.instore.port.InStoreErasure;
import io.facecard.application.instore.port.Visits;
import io.facecard.application.instore.port.WatchLists;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What store analytics forgets: a member's visits, list entries and the alerts naming them, on erasure and when they
 * withdraw biometric consent (a camera can no longer know them, and what it knew goes too); everything of a leaving
 * tenant, and the faces its passers-by left in memory. Hourly counts name nobody and stay until the tenant leaves.
 */
@ApplicationScoped
@Transactional
public class InStoreForgetting {
    private Visits visits;
    private WatchLists lists;
    private Alerts alerts;
    private InStoreErasure tables;
    private PassersBy passersBy;
    private SightingQueue queue;

    /** For the CDI client proxy only. */
    protected InStoreForgetting() {}

    @Inject
    public InStoreForgetting(Visits visits, WatchLists lists, Alerts alerts, InStoreErasure tables, PassersBy passersBy,
            SightingQueue queue) {
        this.visits = visits;
        this.lists = lists;
        this.alerts = alerts;
        this.tables = tables;
        this.passersBy = passersBy;
        this.queue = queue;
    }

    /** The member is erased (membership's erasure hook calls this). */
    public void erase(TenantId tenant, MemberId member) {
        visits.forget(tenant, member);
        lists.forget(tenant, member);
        alerts.forget(tenant, member);
    }

    /** Everything of a leaving tenant (offboarding's hook calls this). */
    public void eraseTenant(TenantId tenant) {
        queue.forgetTenant(tenant);
        passersBy.forgetTenant(tenant);
        tables.eraseTenant(tenant);
    }
}
