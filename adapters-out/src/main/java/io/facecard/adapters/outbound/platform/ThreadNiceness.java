package io.facecard.adapters.outbound.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Lowers the calling thread's CPU priority on Linux, so that the kernel runs it only on what the
 * other threads leave. Java has no API for it (thread priorities are ignored on Linux unless the
 * JVM runs as root), but Linux keeps a nice value per thread and lets any process raise its own.
 * The thread's id comes from {@code /proc/thread-self}; {@code renice} (util-linux, present on every
 * Debian image) sets the value. Where either is missing the thread keeps its priority and says so.
 */
public final class ThreadNiceness {
    private static final Logger LOG = Logger.getLogger(ThreadNiceness.class.getName());

    private ThreadNiceness() {
    }

    /** @return whether the calling thread now runs at {@code nice} */
    public static boolean lowerCurrentThread(int nice) {
        Optional<String> tid = currentThreadId();
        if (tid.isEmpty()) {
            LOG.warning("no /proc/thread-self: " + Thread.currentThread().getName() + " keeps its CPU priority");
            return false;
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid.get())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0) {
                return true;
            }
            renice.destroyForcibly();
        } catch (IOException e) {
            LOG.warning("renice failed (" + e.getMessage() + "): " + Thread.currentThread().getName() + " keeps its CPU priority");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warning("renice did not succeed: " + Thread.currentThread().getName() + " keeps its CPU priority");
        return false;
    }

    /** The calling thread's nice value, where Linux tells it. */
    public static Optional<Integer> currentNice() {
        return currentThreadId().flatMap(ThreadNiceness::niceOf);
    }

    /** Linux's id of the calling thread: {@code /proc/thread-self} links to {@code <pid>/task/<tid>}. */
    static Optional<String> currentThreadId() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Optional.of(link.getFileName().toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The nice value Linux reports for a thread of this process (field 19 of its stat line). */
    static Optional<Integer> niceOf(String tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Integer.parseInt(fields[16]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
