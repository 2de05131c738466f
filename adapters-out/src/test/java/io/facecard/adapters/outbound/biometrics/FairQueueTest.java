package io.facecard.adapters.outbound.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FairQueueTest {
    private final List<String> ran = new ArrayList<>();

    private Runnable task(String name) {
        return () -> ran.add(name);
    }

    private void drain(FairQueue q, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            var next = q.take();
            next.getValue().run();
            q.done(next.getKey());
        }
    }

    @Test
    void aQuietOwnersTaskRunsAfterAtMostOneOfAFloodingOwnersTasks() throws InterruptedException {
        FairQueue q = new FairQueue(100);
        for (int i = 0; i < 5; i++) {
            assertThat(q.offer("noisy", 10, task("noisy" + i))).isEqualTo(FairQueue.Admission.ADMITTED);
        }
        q.offer("quiet", 10, task("quiet0"));
        drain(q, 6);
        assertThat(ran).containsExactly("noisy0", "quiet0", "noisy1", "noisy2", "noisy3", "noisy4");
    }

    @Test
    void anOwnerAtItsCapIsRefusedUntilOneOfItsTasksFinishes() throws InterruptedException {
        FairQueue q = new FairQueue(100);
        q.offer("a", 2, task("a0"));
        q.offer("a", 2, task("a1"));
        assertThat(q.offer("a", 2, task("a2"))).isEqualTo(FairQueue.Admission.OWNER_FULL);
        assertThat(q.offer("b", 2, task("b0"))).isEqualTo(FairQueue.Admission.ADMITTED);
        var first = q.take();
        assertThat(q.offer("a", 2, task("a2"))).as("taken but still running").isEqualTo(FairQueue.Admission.OWNER_FULL);
        q.done(first.getKey());
        assertThat(q.offer("a", 2, task("a2"))).isEqualTo(FairQueue.Admission.ADMITTED);
    }

    @Test
    void theWholeQueueHasACapacityAcrossOwners() {
        FairQueue q = new FairQueue(3);
        q.offer("a", 5, task("a0"));
        q.offer("b", 5, task("b0"));
        q.offer("c", 5, task("c0"));
        assertThat(q.offer("d", 5, task("d0"))).isEqualTo(FairQueue.Admission.QUEUE_FULL);
    }
}
