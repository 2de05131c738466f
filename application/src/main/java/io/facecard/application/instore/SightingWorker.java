package io.facecard.application.instore;

import io.facecard.application.instore.SightingQueue.Sighting;
import io.facecard.application.platform.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Takes camera images off the queue, two at a time: one waits in the face pipeline's bulk lane while the other's
 * results are written, and the lane itself runs one image at a time at the lowest CPU priority, so cameras never take a
 * till's core. Every minute it also closes the visits that went quiet.
 */
@ApplicationScoped
public class SightingWorker extends BackgroundWork {
    @Override
    public String workName() {
        return "camera-sightings";
    }

    private static final int READERS = 2;

    private SightingQueue queue;
    private Sightings sightings;
    private QuietVisits quiet;

    /** For the CDI client proxy only. */
    protected SightingWorker() {}

    @Inject
    public SightingWorker(SightingQueue queue, Sightings sightings, QuietVisits quiet) {
        this.queue = queue;
        this.sightings = sightings;
        this.quiet = quiet;
    }

    @Override
    protected int poolThreads() {
        return READERS;
    }

    @Override
    protected void schedule(ScheduledExecutorService ticker) {
        for (int i = 0; i < READERS; i++) {
            pool().submit(this::read);
        }
        ticker.scheduleWithFixedDelay(quiet::closeAll, 1, 1, TimeUnit.MINUTES);
    }

    private void read() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Optional<Sighting> next = queue.take(1_000);
                next.ifPresent(s -> {
                    quiet.active(s.tenant());
                    sightings.process(s);
                    done(1);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
