package io.facecard.adapters.out.face;

import io.facecard.application.membership.port.FaceAnalysis;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs scans on a few dedicated threads (one by default), each owning its pipeline, with a bounded
 * queue: this bounds how many photos are decoded at once, and so the memory, and keeps OpenCV's
 * and ONNX Runtime's own thread pools from being oversubscribed by request threads. Measured on
 * 2 cores: one scan thread gave a steady 40–45 ms per identify, two gave 40–100 ms.
 */
public final class PinnedFaceAnalysis implements FaceAnalysis, AutoCloseable {
    private static final ThreadLocal<FacePipeline> PIPELINE = new ThreadLocal<>();
    private final ThreadPoolExecutor workers;

    public PinnedFaceAnalysis(ModelPack pack, int threads, int queue) {
        workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(() -> {
                PIPELINE.set(new FacePipeline(pack, FacePipeline.Engine.ONNX_RUNTIME));
                try {
                    r.run();
                } finally {
                    PIPELINE.get().close();
                }
            }, "face-pipeline");
            t.setDaemon(true);
            return t;
        });
        workers.prestartAllCoreThreads();
    }

    @Override
    public FaceScan scan(byte[] image, ScanRules rules) {
        Future<FaceScan> result;
        try {
            result = workers.submit(() -> PIPELINE.get().scan(image, rules));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("the face pipeline is saturated", e);
        }
        try {
            return result.get();
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
        workers.shutdownNow();
    }
}
