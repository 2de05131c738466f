package io.facecard.adapters.outbound.biometrics;

import io.facecard.application.biometrics.port.FaceAnalysis;
import io.facecard.application.platform.StartupStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Makes the face pipeline (and its threads) at start, at normal priority. Linux gives a new thread its
 * creator's nice value, and the pipeline is made on first use: when that was an import's photo (nice 19),
 * the tills' lane was born at nice 19 too, and an unprivileged process cannot raise it again.
 */
@ApplicationScoped
public class FacePipelineWarmUp implements StartupStep {
    @Inject
    FaceAnalysis faces;

    @Override
    public int phase() {
        return WARM_UP;
    }

    @Override
    public void start() {
        faces.impostorTail();
    }
}
