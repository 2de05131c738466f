package io.facecard.application.membership;

import io.facecard.application.membership.port.ImportJobs;
import io.facecard.application.membership.port.ImportUploads;
import io.facecard.application.platform.StartupStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/** At start: uploads are never kept across a restart (the jobs they fed are over, and the same files finish them). */
@ApplicationScoped
public class ImportRecovery implements StartupStep {
    private static final Logger LOG = Logger.getLogger(ImportRecovery.class.getName());

    private ImportJobs imports;
    private ImportUploads uploads;
    private Clock clock;

    /** For the container's proxy. */
    protected ImportRecovery() {}

    @Inject
    public ImportRecovery(ImportJobs imports, ImportUploads uploads, Clock clock) {
        this.imports = imports;
        this.uploads = uploads;
        this.clock = clock;
    }

    @Override
    public int phase() {
        return REPAIR;
    }

    @Override
    public void start() {
        uploads.discardAll();
        int interrupted = imports.interruptUnfinished(clock.instant());
        if (interrupted > 0) {
            LOG.info(interrupted + " import jobs were interrupted by the last stop");
        }
    }
}
