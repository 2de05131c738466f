package io.facecard.adapters.outbound.biometrics;

import io.facecard.adapters.outbound.platform.ThreadNiceness;
import io.facecard.application.biometrics.port.FaceAnalysis;
import io.facecard.domain.biometrics.ImpostorTail;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.refusal.Throttled;
import io.facecard.domain.tenancy.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;
import org.opencv.core.Core;

/**
 * Runs scans on a few dedicated threads (one by default), each owning its pipeline. Measured on
 * 2 cores: one scan thread gave a steady 40–45 ms per identify, two gave 40–100 ms. Photos wait
 * in a {@link FairQueue}: tenants are served in turn, and a tenant that already has its
 * {@code faceConcurrency} photos in the pipeline is refused at once (429), so a flood from one
 * chain neither queues ahead of another's till nor holds memory beyond its share.
 *
 * <p>Bulk scans (imports) have a lane of their own: one thread running the same models on OpenCV DNN
 * with OpenCV limited to one thread, at the lowest CPU priority (nice 19), so such a scan takes at most
 * one core and only the time the tills leave. Sharing the tills' lane, an import's photos raised a
 * busy store's till p99 by a third even at a quarter of its speed: a till's identify waited behind a
 * whole enrolment scan. The lane at normal priority was no better (one core less for the tills'
 * two-thread ONNX Runtime). Both engines give the same templates (cosine above 0.999,
 * FacePipelineTest).
 */
public final class PinnedFaceAnalysis implements FaceAnalysis, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PinnedFaceAnalysis.class.getName());
    /** Scans without a tenant (none in production paths) share one owner. */
    private static final Object PLATFORM = new Object();

    private final FairQueue queue;
    private final FairQueue background;
    private final ToIntFunction<TenantId> shareOf;
    private final List<Thread> workers = new ArrayList<>();
    private final int capacity;
    private final ImpostorTail tail;

    /** @param lowerPriority lowers the calling thread's CPU priority: the background lane's thread runs it first */
    public PinnedFaceAnalysis(ModelPack pack, int threads, int capacity, ToIntFunction<TenantId> shareOf, Runnable lowerPriority) {
        this.tail = pack.impostorTail();
        this.queue = new FairQueue(capacity);
        this.background = new FairQueue(capacity);
        this.capacity = capacity;
        this.shareOf = shareOf;
        OpenCvLoader.load();
        Core.setNumThreads(1); // OpenCV's own pool: the background lane's nets; decoding needs no more
        for (int i = 0; i < threads; i++) {
            start(() -> {
                warnIfLowered();
                work(pack, FacePipeline.Engine.ONNX_RUNTIME, queue);
            }, "face-pipeline-" + i);
        }
        start(() -> {
            lowerPriority.run();
            work(pack, FacePipeline.Engine.OPENCV_DNN, background);
        }, "face-pipeline-background");
    }

    /** A tills' lane thread inherits its creator's nice value; an import's thread must not have made it. */
    private static void warnIfLowered() {
        ThreadNiceness.currentNice().filter(n -> n > 0).ifPresent(n -> LOG.warning(Thread.currentThread().getName()
                + " serves tills at nice " + n + ": it was started by a lowered thread (make the pipeline at start-up)"));
    }

    private void start(Runnable loop, String name) {
        Thread t = new Thread(loop, name);
        t.setDaemon(true);
        t.start();
        workers.add(t);
    }

    private void work(ModelPack pack, FacePipeline.Engine engine, FairQueue lane) {
        try (FacePipeline pipeline = new FacePipeline(pack, engine)) {
            PIPELINE.set(pipeline);
            while (true) {
                Map.Entry<Object, Runnable> next;
                try {
                    next = lane.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    next.getValue().run();
                } finally {
                    lane.done(next.getKey());
                }
            }
        }
    }

    private static final ThreadLocal<FacePipeline> PIPELINE = new ThreadLocal<>();

    @Override
    public ImpostorTail impostorTail() {
        return tail;
    }

    @Override
    public FaceScan scan(byte[] image, ScanRules rules) {
        return run(queue, PLATFORM, capacity, image, rules);
    }

    @Override
    public FaceScan scanFor(TenantId tenant, byte[] image, ScanRules rules) {
        return run(queue, tenant, shareOf.applyAsInt(tenant), image, rules);
    }

    @Override
    public FaceScan scanInBackground(TenantId tenant, byte[] image, ScanRules rules) {
        return run(background, tenant, shareOf.applyAsInt(tenant), image, rules);
    }

    /** Camera images share the imports' lane: the tills keep their own threads (see the class comment). */
    @Override
    public List<Observation> observe(TenantId tenant, byte[] image, int minFacePixels) {
        return run(background, tenant, shareOf.applyAsInt(tenant), () -> PIPELINE.get().observe(tenant, image, minFacePixels));
    }

    @Override
    public Attributes attributes(TenantId tenant, byte[] image, int minFacePixels, int face) {
        return run(background, tenant, shareOf.applyAsInt(tenant), () -> PIPELINE.get().attributes(tenant, image, minFacePixels, face));
    }

    private FaceScan run(FairQueue lane, Object owner, int share, byte[] image, ScanRules rules) {
        return run(lane, owner, share, () -> PIPELINE.get().scan(image, rules));
    }

    private <T> T run(FairQueue lane, Object owner, int share, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        switch (lane.offer(owner, share, task)) {
            case OWNER_FULL -> throw new Throttled(MembershipRule.FACE_CAPACITY, Duration.ofSeconds(1),
                    "this tenant already has " + share + " photos in the face pipeline; retry in a moment");
            case QUEUE_FULL -> throw new Refusal(MembershipRule.FACE_PIPELINE_BUSY,
                    "the face pipeline is saturated; retry in a moment");
            case ADMITTED -> { }
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning a face", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        queue.close();
        background.close();
        workers.forEach(Thread::interrupt);
    }
}
