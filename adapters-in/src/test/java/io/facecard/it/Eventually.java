package io.facecard.it;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * The one way an integration test waits for asynchronous work (a worker, a projection, a fake's inbox): poll a
 * probe until its value passes, or fail after the patience with what was awaited and the last value seen.
 */
public final class Eventually {
    private static final Duration EVERY = Duration.ofMillis(200);

    private Eventually() {}

    /** The probe's first value that passes {@code done}, polled every 200 ms for at most {@code patience}. */
    public static <T> T until(String what, Duration patience, Callable<T> probe, Predicate<? super T> done) {
        return until(what, patience, EVERY, probe, done);
    }

    public static <T> T until(String what, Duration patience, Duration every, Callable<T> probe, Predicate<? super T> done) {
        T last = poll(patience, every, probe, done);
        if (!done.test(last)) {
            throw new AssertionError("waited " + patience.toSeconds() + " s for " + what + "; last seen: " + last);
        }
        return last;
    }

    /**
     * Polls like {@link #until} but never fails: the last value when {@code done} held or the patience ran out. For a
     * caller that then asserts something did not happen (no second message arrived), which only waiting can show.
     */
    public static <T> T upTo(Duration patience, Callable<T> probe, Predicate<? super T> done) {
        return poll(patience, EVERY, probe, done);
    }

    private static <T> T poll(Duration patience, Duration every, Callable<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + patience.toNanos();
        T last = call(probe);
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
            last = call(probe);
        }
        return last;
    }

    /** A probe's checked exception (a database read) fails the wait as it is. */
    private static <T> T call(Callable<T> probe) {
        try {
            return probe.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a condition that has no value worth reporting. */
    public static void until(String what, Duration patience, Callable<Boolean> condition) {
        until(what, patience, condition, Boolean.TRUE::equals);
    }
}
