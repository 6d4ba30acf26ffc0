package io.github.ot4j.gan.monitor;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line for long runs: iteration, percentage, rate, ETA, the critic's estimate and the exact
 * W<sub>1</sub>. On a terminal it rewrites one line in place (carriage return); elsewhere (a log file, an IDE
 * console) it prints one line per report.
 */
public final class ProgressLine implements TrainingListener {

    private final PrintStream out;
    private final boolean inPlace;

    private ProgressLine(PrintStream out, boolean inPlace) {
        this.out = out;
        this.inPlace = inPlace;
    }

    /**
     * A progress line on standard output, updated in place when a console is attached.
     *
     * @return the listener
     */
    public static ProgressLine toStandardOutput() {
        return new ProgressLine(System.out, System.console() != null);
    }

    /**
     * @param out     where to print
     * @param inPlace whether to rewrite one line with carriage returns
     * @return the listener
     */
    public static ProgressLine to(PrintStream out, boolean inPlace) {
        if (out == null) {
            throw new IllegalArgumentException("out must not be null");
        }
        return new ProgressLine(out, inPlace);
    }

    /**
     * The line for a report, without line ending.
     *
     * @param r the report
     * @return for example {@code iter 1200/5000 (24%) | 85.3 it/s | ETA 0:44 | W est 0.1234 | W1 exact 0.1301}
     */
    public static String format(TrainingReport r) {
        double percent = r.totalIterations() > 0 ? 100.0 * r.iteration() / r.totalIterations() : 100.0;
        return String.format(Locale.ROOT, "iter %d/%d (%.0f%%) | %.1f it/s | ETA %s | W est %.4f | W1 exact %.4f",
                r.iteration(), r.totalIterations(), percent, r.stepsPerSecond(), duration(r.etaSeconds()),
                r.criticEstimate(), r.exactDistance());
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void onReport(TrainingReport report) {
        if (inPlace) {
            out.print("\r" + format(report) + "   ");
            out.flush();
        } else {
            out.println(format(report));
        }
    }

    @Override
    public void onFinish(TrainingReport last) {
        if (inPlace) {
            out.println();
        }
    }
}
