package io.github.ot4j.gan.monitor;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes one CSV line per report (header {@value #HEADER}), flushed at once so the file can be watched while
 * training runs. Appends to an existing file (a resumed run continues its metrics), writing the header only
 * to a new or empty file.
 */
public final class CsvMetrics implements TrainingListener, Closeable {

    /** The CSV header. */
    public static final String HEADER = "iteration,generator_loss,critic_loss,critic_estimate,penalty,exact_w1,"
            + "elapsed_s,steps_per_s";

    private final BufferedWriter out;

    private CsvMetrics(BufferedWriter out) {
        this.out = out;
    }

    /**
     * @param file the CSV file; created with its parent folders if missing
     * @return the listener; close it when training ends
     * @throws UncheckedIOException if the file cannot be opened
     */
    public static CsvMetrics to(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (fresh) {
                out.write(HEADER);
                out.newLine();
                out.flush();
            }
            return new CsvMetrics(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the metrics file " + file, e);
        }
    }

    @Override
    public synchronized void onReport(TrainingReport r) {
        try {
            out.write(String.format(Locale.ROOT, "%d,%.9g,%.9g,%.9g,%.9g,%.9g,%.3f,%.4f", r.iteration(),
                    r.generatorLoss(), r.criticLoss(), r.criticEstimate(), r.penalty(), r.exactDistance(),
                    r.elapsedSeconds(), r.stepsPerSecond()));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
