package io.facecard.application.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When this replica last served a terminal (a till, a kiosk, a camera). Background work that yields
 * the cores to tills (an import's rests) yields only while tills are about: on an idle replica an
 * import runs flat out. Per replica, as the cores it protects are.
 */
@ApplicationScoped
public class TerminalActivity {
    /** Tills call several times per checkout, a second or two apart: silence this long means none is at work. */
    public static final long QUIET_NANOS = 3_000_000_000L;

    private final AtomicLong lastSeen = new AtomicLong(System.nanoTime() - 2 * QUIET_NANOS);

    public void seen() {
        lastSeen.set(System.nanoTime());
    }

    public boolean busy() {
        return System.nanoTime() - lastSeen.get() < QUIET_NANOS;
    }
}
