package io.facecard.adapters.outbound.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadNicenessTest {

    @Test
    void lowersOnlyTheCallingThread() throws InterruptedException {
        String self = ThreadNiceness.currentThreadId().orElseThrow();
        int before = ThreadNiceness.niceOf(self).orElseThrow();
        AtomicReference<String> lowered = new AtomicReference<>();
        AtomicReference<Optional<Integer>> niceInside = new AtomicReference<>();
        Thread t = new Thread(() -> {
            assertTrue(ThreadNiceness.lowerCurrentThread(19));
            lowered.set(ThreadNiceness.currentThreadId().orElseThrow());
            niceInside.set(ThreadNiceness.niceOf(lowered.get()));
        });
        t.start();
        t.join();

        assertNotEquals(self, lowered.get(), "each Java thread has a Linux thread id of its own");
        assertEquals(Optional.of(19), niceInside.get());
        assertEquals(before, ThreadNiceness.niceOf(self).orElseThrow(), "the caller's priority is untouched");
    }
}
