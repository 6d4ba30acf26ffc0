package io.github.ot4j.gan.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every report in memory, in order, for plotting the estimate and exact curves after (or during) a run.
 */
public final class MetricsHistory implements TrainingListener {

    private final List<TrainingReport> reports = new ArrayList<>();

    @Override
    public synchronized void onReport(TrainingReport report) {
        reports.add(report);
    }

    /** @return a snapshot of the reports so far, oldest first */
    public synchronized List<TrainingReport> reports() {
        return List.copyOf(reports);
    }
}
