package io.uapiguard.cli;

import io.uapiguard.history.IngestListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows an ingest's progress: on a terminal, one redrawn bar (step, done of total, rate); otherwise plain log
 * lines, one per progress report, so logs and tests can follow it. Parse warnings are printed, up to a limit.
 */
final class IngestProgress implements IngestListener {

    private static final int MAX_WARNINGS = 20;
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean tty;
    private String step = "";
    private int total;
    private long stepStart = System.nanoTime();
    private int warnings;
    private boolean barShown;

    IngestProgress(PrintWriter out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    @Override
    public synchronized void step(String step, int total) {
        endBar();
        this.step = step;
        this.total = total;
        this.stepStart = System.nanoTime();
        if (tty) {
            draw(0);
        } else {
            out.println("ingest: " + step + (total > 0 ? " " + total : ""));
            out.flush();
        }
    }

    @Override
    public synchronized void progress(int done) {
        if (tty) {
            draw(done);
        } else if (total > 0) {
            out.println("ingest: " + step + " " + done + "/" + total);
            out.flush();
        }
    }

    @Override
    public synchronized void warn(String message) {
        warnings++;
        if (warnings <= MAX_WARNINGS) {
            endBar();
            out.println("warning: " + message);
            out.flush();
        }
    }

    @Override
    public synchronized void info(String message) {
        endBar();
        out.println(message);
        out.flush();
    }

    /** Ends the bar line and reports warnings that were not printed. */
    synchronized void finish() {
        endBar();
        if (warnings > MAX_WARNINGS) {
            out.println("warning: ... and " + (warnings - MAX_WARNINGS) + " more");
        }
        out.flush();
    }

    private void draw(int done) {
        double seconds = Math.max(1e-3, (System.nanoTime() - stepStart) / 1e9);
        String line;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, (long) WIDTH * done / total);
            line = String.format(Locale.ROOT, "%-8s [%s%s] %d/%d %.1f/s", step, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), done, total, done / seconds);
        } else {
            line = String.format(Locale.ROOT, "%-8s ...", step);
        }
        out.print("\r" + line + "\u001b[K");
        out.flush();
        barShown = true;
    }

    private void endBar() {
        if (barShown) {
            out.println();
            barShown = false;
        }
    }
}
