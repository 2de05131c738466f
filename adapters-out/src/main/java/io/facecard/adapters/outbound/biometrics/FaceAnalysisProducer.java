package io.facecard.adapters.outbound.biometrics;

import io.facecard.application.biometrics.port.FaceAnalysis;
import io.facecard.application.platform.port.CpuPriority;
import io.facecard.tenants.tenancy.TenantShares;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The face pipeline on the configured model pack (verified at load), with ONNX Runtime. */
@ApplicationScoped
public class FaceAnalysisProducer {
    private static final Logger LOG = Logger.getLogger(FaceAnalysisProducer.class.getName());

    @Inject
    @ConfigProperty(name = "facecard.face.model-pack", defaultValue = "classpath:default")
    String location;
    @Inject
    @ConfigProperty(name = "facecard.face.threads", defaultValue = "1")
    int threads;
    @Inject
    @ConfigProperty(name = "facecard.face.queue", defaultValue = "64")
    int queue;
    @Inject
    TenantShares shares;
    @Inject
    CpuPriority priority;

    @Produces
    @ApplicationScoped
    FaceAnalysis faceAnalysis() {
        ModelPack pack = ModelPack.load(location);
        LOG.info("Face model pack '" + pack.name() + "' loaded and verified from " + location);
        return new PinnedFaceAnalysis(pack, threads, queue, tenant -> shares.of(tenant).faceConcurrency(),
                priority::lowerCurrentThread);
    }

    void close(@Disposes FaceAnalysis analysis) {
        if (analysis instanceof PinnedFaceAnalysis p) {
            p.close();
        }
    }
}
