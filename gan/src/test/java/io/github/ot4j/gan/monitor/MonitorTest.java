package io.github.ot4j.gan.monitor;

import io.github.ot4j.gan.data.ToyDistributions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MonitorTest {

    private static final double TOLERANCE = 1e-9;

    @TempDir
    Path folder;

    private static TrainingReport report(long iteration) {
        return new TrainingReport(iteration, 1000, -0.5, 0.25, 0.125, 0.0, 0.2, 10.0, 50.0);
    }

    @Test
    void exactDistanceIsZeroForTheSameSampleAndTheShiftForATranslation() {
        double[][] real = ToyDistributions.eightGaussians().sample(60, 1);
        ExactDistanceMonitor monitor = ExactDistanceMonitor.of(real);
        assertThat(monitor.distance(real)).isCloseTo(0.0, within(TOLERANCE));
        double[][] shifted = new double[real.length][];
        for (int i = 0; i < real.length; i++) {
            shifted[i] = new double[] {real[i][0] + 0.3, real[i][1] - 0.4};
        }
        // W1(mu, mu + t) = |t| for the Euclidean cost
        assertThat(monitor.distance(shifted)).isCloseTo(0.5, within(TOLERANCE));
        assertThatThrownBy(() -> monitor.distance(new double[][] {{1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 3");
    }

    @Test
    void etaFollowsTheRate() {
        assertThat(report(500).etaSeconds()).isEqualTo(10.0);
        assertThat(report(1000).etaSeconds()).isEqualTo(0.0);
    }

    @Test
    void progressLineShowsIterationRateEtaAndBothDistances() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = ProgressLine.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        line.onReport(report(500));
        assertThat(bytes.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("iter 500/1000 (50%) | 50.0 it/s | ETA 0:10 | W est 0.1250 | W1 exact 0.2000");
    }

    @Test
    void csvMetricsWritesAHeaderOnceAndAppends() throws IOException {
        Path file = folder.resolve("out/metrics.csv");
        try (CsvMetrics csv = CsvMetrics.to(file)) {
            csv.onReport(report(100));
        }
        try (CsvMetrics csv = CsvMetrics.to(file)) {
            csv.onReport(report(200));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(CsvMetrics.HEADER);
        assertThat(lines.get(1)).startsWith("100,-0.5");
        assertThat(lines.get(2)).startsWith("200,");
        assertThat(lines.get(2).split(",")).hasSize(CsvMetrics.HEADER.split(",").length);
    }
}
