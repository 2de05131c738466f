package io.facecard.application.platform.port;

/**
 * Port out: bulk work (an import) runs its threads at the lowest CPU priority, so the kernel gives
 * them only what the tills' requests leave of the cores. Without it, the pause between rows was
 * the only lever, and a paused import still took its share in every busy moment. A thread starts
 * with its creator's priority, and a lowered one cannot be raised again without privileges: shared
 * thread pools must be started before (at start-up), never first by a lowered thread.
 */
public interface CpuPriority {
    /** Lowers the calling thread for the rest of its life; a platform that cannot leaves it as it is. */
    void lowerCurrentThread();
}
