package io.facecard.adapters.inbound.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar. On a terminal it redraws itself in place ({@code \r}); into a file or a
 * pipe it writes a plain line at most every {@code quietMillis}, so logs stay readable.
 */
final class ProgressBar {
    static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long quietMillis;
    private long lastLine;
    private boolean drawn;

    ProgressBar(PrintStream out, boolean terminal, long quietMillis) {
        this.out = out;
        this.terminal = terminal;
        this.quietMillis = quietMillis;
    }

    /** The bar for {@code done} of {@code total}, then the words. */
    static String render(String label, long done, long total, String words) {
        int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, done * WIDTH / total);
        int percent = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        return String.format(Locale.ROOT, "%-7s [%s%s] %3d%% %d/%d %s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                percent, done, total, words);
    }

    void show(String label, long done, long total, String words) {
        String line = render(label, done, total, words);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            out.flush();
            drawn = true;
            return;
        }
        long now = System.currentTimeMillis();
        if (now - lastLine >= quietMillis || done >= total) {
            out.println(line);
            lastLine = now;
        }
    }

    /** Ends the bar's line. */
    void finish() {
        if (terminal && drawn) {
            out.println();
        }
        drawn = false;
    }
}
