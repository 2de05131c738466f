package io.facecard.application.loyalty;

import io.facecard.application.loyalty.port.ReadModels;
import io.facecard.application.security.Caller;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The platform operator rebuilds a tenant's loyalty read models from the events (after a
 * projection fix, say). One transaction: tills see the old state or the new, never half.
 */
@ApplicationScoped
@Transactional
public class ReadModelRebuild {
    private ReadModels readModels;

    protected ReadModelRebuild() {}

    @Inject
    public ReadModelRebuild(ReadModels readModels) {
        this.readModels = readModels;
    }

    public ReadModels.Rebuilt rebuild(Caller caller, TenantId tenant) {
        if (!(caller instanceof Caller.Operator)) {
            throw Refusal.forbidden("only the platform operator rebuilds read models");
        }
        return readModels.rebuild(tenant);
    }
}
