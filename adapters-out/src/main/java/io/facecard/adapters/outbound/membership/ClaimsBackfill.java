package io.facecard.adapters.outbound.membership;

import io.facecard.application.platform.StartupStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** At start, before events flow: members registered before command-side claims get theirs (see {@link JdbcIdentifierClaims#backfill}). */
@ApplicationScoped
public class ClaimsBackfill implements StartupStep {
    private static final Logger LOG = Logger.getLogger(ClaimsBackfill.class.getName());

    @Inject
    JdbcIdentifierClaims claims;

    @Override
    public int phase() {
        return REPAIR;
    }

    @Override
    public void start() {
        int claimed = claims.backfill();
        if (claimed > 0) {
            LOG.info("Claimed " + claimed + " identifiers of members registered before command-side claims");
        }
    }
}
